use super::*;

fn error_text(json: &str) -> String {
    match FaultPlan::from_json(json) {
        Ok(plan) => panic!("{json} must be rejected, parsed as {plan:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn parses_the_documented_example() {
    let json = r#"{
        "latency_ms": 20,
        "faults": [
            { "request": 1, "fault": "throttling", "times": 2 },
            { "page": 200, "fault": "empty_page", "times": 3 },
            { "request": 4, "fault": "latency", "ms": 1500 },
            { "page": 0, "fault": "hostile_names" },
            { "request": 1, "fault": "internal_failure",
              "operation": "GetAggregateConformancePackComplianceSummary" }
        ]
    }"#;
    let plan = FaultPlan::from_json(json).expect("the example must parse");
    assert_eq!(
        plan.latency,
        Duration::from_millis(20),
        "latency_ms sets the latency"
    );
    assert_eq!(plan.rules.len(), 5, "every rule must be kept");
    assert_eq!(
        plan.rules[0],
        FaultRule::on_request(1, Fault::Throttling).times(2),
        "the first rule throttles requests 1 and 2"
    );
    assert_eq!(
        plan.rules[1],
        FaultRule::on_page(200, Fault::EmptyPage).times(3),
        "the second rule empties page 200 three times"
    );
    assert_eq!(
        plan.rules[2].fault,
        Fault::Latency(Duration::from_millis(1500)),
        "ms sets the latency of a latency fault"
    );
}

#[test]
fn every_fault_name_parses() {
    for (name, fault) in FIXED_FAULTS {
        let json = format!(r#"{{"faults": [{{"page": 0, "fault": "{name}"}}]}}"#);
        let plan = FaultPlan::from_json(&json).expect("each listed fault must parse");
        assert_eq!(plan.rules[0].fault, fault, "{name} must map to {fault:?}");
    }
}

#[test]
fn empty_object_is_empty_plan() {
    let plan = FaultPlan::from_json("{}").expect("{} must parse");
    assert_eq!(plan, FaultPlan::default(), "{{}} must inject nothing");
}

#[test]
fn rejections_name_field_and_fix() {
    let cases = [
        (
            r#"{"faults": [{"request": 1, "fault": "throtle"}]}"#,
            "faults[0].fault",
            "use latency or one of",
        ),
        (
            r#"{"faults": [{"fault": "throttling"}]}"#,
            "faults[0]",
            "add \"request\"",
        ),
        (
            r#"{"faults": [{"request": 0, "fault": "throttling"}]}"#,
            "faults[0].request",
            "from 1",
        ),
        (
            r#"{"faults": [{"request": 1, "page": 0, "fault": "throttling"}]}"#,
            "faults[0]",
            "not both",
        ),
        (
            r#"{"faults": [{"page": 0, "fault": "empty_page", "times": 0}]}"#,
            "faults[0].times",
            "1 or more",
        ),
        (
            r#"{"faults": [{"page": 0, "fault": "latency"}]}"#,
            "faults[0].ms",
            "needs \"ms\"",
        ),
        (
            r#"{"faults": [{"page": 0, "fault": "throttling", "ms": 5}]}"#,
            "faults[0].ms",
            "remove it",
        ),
        (
            r#"{"faults": [{"page": 0, "fault": "throttling", "operation": "PutEverything"}]}"#,
            "faults[0].operation",
            "use one of",
        ),
        (r#"{"latency_ms": 9999999}"#, "latency_ms", "maximum"),
    ];
    for (json, field, fix) in cases {
        let text = error_text(json);
        assert!(
            text.contains(field),
            "the error for {json} must name {field}: {text}"
        );
        assert!(
            text.contains(fix),
            "the error for {json} must say {fix}: {text}"
        );
    }
}

#[test]
fn unknown_member_is_named() {
    let text = error_text(r#"{"faults": [{"pag": 0, "fault": "throttling"}]}"#);
    assert!(
        text.contains("unknown field `pag`"),
        "the error must name the member: {text}"
    );
    assert!(
        text.contains("`page`"),
        "the error must list the valid members: {text}"
    );
}

#[test]
fn missing_file_is_named() {
    let error = FaultPlan::from_file("/nonexistent/plan.json")
        .err()
        .map(|e| e.to_string());
    let text = error.unwrap_or_default();
    assert!(
        text.contains("/nonexistent/plan.json"),
        "the error must name the path: {text}"
    );
}
