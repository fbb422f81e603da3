//! A fault plan in use: which rules fire on each request.

use std::sync::atomic::{AtomicU32, Ordering};

use super::{FaultEffects, FaultPlan, FaultRule, Trigger};

/// A fault plan with the state that `page` rules need to fire only `times` times.
#[derive(Debug, Default)]
pub(crate) struct ArmedFaults {
    plan: FaultPlan,
    /// For each rule, how often it has fired on its page.
    page_hits: Vec<AtomicU32>,
}

impl ArmedFaults {
    pub(crate) fn new(plan: FaultPlan) -> ArmedFaults {
        let page_hits = plan.rules.iter().map(|_| AtomicU32::new(0)).collect();
        ArmedFaults { plan, page_hits }
    }

    /// Returns the effects of `request` rules on request `number` (from 1) of `operation`,
    /// plus the plan's fixed latency.
    pub(crate) fn for_request(&self, operation: &str, number: usize) -> FaultEffects {
        let mut effects = FaultEffects {
            delay: self.plan.latency,
            ..FaultEffects::default()
        };
        for rule in self.rules_for(operation) {
            if let Trigger::Request(first) = rule.trigger {
                let first = first as usize;
                if (first..first + rule.times as usize).contains(&number) {
                    effects.apply(rule.fault);
                }
            }
        }
        effects
    }

    /// Returns the effects of `page` rules on a request for the page at `offset`.
    ///
    /// Each call counts as one firing of every matching rule that has firings left.
    pub(crate) fn for_page(&self, operation: &str, offset: usize) -> FaultEffects {
        let mut effects = FaultEffects::default();
        for (rule, hits) in self.plan.rules.iter().zip(&self.page_hits) {
            if rule.operation != operation || rule.trigger != Trigger::Page(offset as u32) {
                continue;
            }
            let fired = hits
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |count| {
                    (count < rule.times).then_some(count + 1)
                })
                .is_ok();
            if fired {
                tracing::debug!(operation, offset, fault = ?rule.fault, "page fault fired");
                effects.apply(rule.fault);
            }
        }
        effects
    }

    fn rules_for<'a>(&'a self, operation: &'a str) -> impl Iterator<Item = &'a FaultRule> {
        self.plan
            .rules
            .iter()
            .filter(move |rule| rule.operation == operation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::faults::{DEFAULT_FAULT_OPERATION as SUMMARY, Fault};

    #[test]
    fn request_rule_covers_its_range() {
        let plan = FaultPlan::default().rule(FaultRule::on_request(2, Fault::Throttling).times(2));
        let armed = ArmedFaults::new(plan);
        let fired: Vec<bool> = (1..=4)
            .map(|number| armed.for_request(SUMMARY, number).error.is_some())
            .collect();
        assert_eq!(
            fired,
            [false, true, true, false],
            "requests 2 and 3 are throttled"
        );
    }

    #[test]
    fn page_rule_fires_times_then_stops() {
        let plan = FaultPlan::default().rule(FaultRule::on_page(100, Fault::EmptyPage).times(2));
        let armed = ArmedFaults::new(plan);
        let other = armed.for_page(SUMMARY, 0).page.empty_page;
        let fired: Vec<bool> = (0..3)
            .map(|_| armed.for_page(SUMMARY, 100).page.empty_page)
            .collect();
        assert!(!other, "another offset must not fire");
        assert_eq!(
            fired,
            [true, true, false],
            "the page is empty twice, then served"
        );
    }

    #[test]
    fn rule_ignores_other_operations() {
        let rule = FaultRule::on_request(1, Fault::Throttling).for_operation("Other");
        let armed = ArmedFaults::new(FaultPlan::default().rule(rule));
        let effects = armed.for_request(SUMMARY, 1);
        assert!(
            effects.error.is_none(),
            "a rule for Other must not fire on {SUMMARY}"
        );
    }
}
