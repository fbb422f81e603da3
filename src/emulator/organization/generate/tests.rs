use super::*;
use crate::query::GroupBy;

fn small_spec(seed: u64) -> OrgSpec {
    OrgSpec::new(seed, 300)
}

#[test]
fn same_spec_gives_same_organization() {
    let first = build(&small_spec(11));
    let second = build(&small_spec(11));
    assert_eq!(first.accounts, second.accounts, "accounts must repeat");
    assert_eq!(
        first.cell_start, second.cell_start,
        "cell layout must repeat"
    );
    assert_eq!(first.packs, second.packs, "packs must repeat");
    for (a, b) in first.aggregators.iter().zip(&second.aggregators) {
        assert_eq!(a.arn, b.arn, "aggregator ARNs must repeat");
        assert_eq!(a.by_account, b.by_account, "group rows must repeat");
    }
}

#[test]
fn other_seed_gives_other_accounts() {
    let first = build(&small_spec(11));
    let second = build(&small_spec(12));
    assert_ne!(
        first.accounts, second.accounts,
        "a new seed must change the accounts"
    );
}

#[test]
fn account_ids_are_unique_and_sorted() {
    let organization = build(&OrgSpec::new(5, 5_000));
    for pair in organization.accounts.windows(2) {
        assert!(pair[0].id < pair[1].id, "IDs must be strictly increasing");
    }
    let last = organization
        .accounts
        .last()
        .map(|a| a.id)
        .unwrap_or_default();
    assert!(last <= 999_999_999_999, "IDs must fit in 12 digits");
}

#[test]
fn some_account_ids_have_leading_zeros() {
    let organization = build(&OrgSpec::new(5, 5_000));
    let leading_zero = organization
        .accounts
        .iter()
        .filter(|a| a.id < 100_000_000_000)
        .count();
    assert!(
        leading_zero > 50,
        "about 4% of 5,000 IDs start with 0, got {leading_zero}"
    );
}

#[test]
fn packs_in_a_cell_are_distinct_and_sorted() {
    let organization = build(&small_spec(3));
    for cell in organization.cell_start.windows(2) {
        let packs = &organization.packs[cell[0] as usize..cell[1] as usize];
        assert!(
            packs.len() <= 6,
            "a cell holds at most max_packs_per_region packs"
        );
        for pair in packs.windows(2) {
            assert!(
                pair[0].template < pair[1].template,
                "packs must be distinct and sorted"
            );
        }
    }
}

#[test]
fn rule_counts_match_compliance() {
    let organization = build(&small_spec(4));
    for pack in &organization.packs {
        let counted = pack.compliant_rules + pack.noncompliant_rules;
        assert!(
            counted <= pack.total_rules,
            "rule counts exceed the total: {pack:?}"
        );
        match pack.compliance {
            ComplianceType::Compliant => {
                assert_eq!(
                    pack.noncompliant_rules, 0,
                    "COMPLIANT has no noncompliant rule"
                );
                assert!(pack.compliant_rules > 0, "COMPLIANT has a compliant rule");
            }
            ComplianceType::NonCompliant => {
                assert!(
                    pack.noncompliant_rules > 0,
                    "NON_COMPLIANT has a noncompliant rule"
                );
            }
            ComplianceType::InsufficientData => {
                assert_eq!(counted, 0, "INSUFFICIENT_DATA has no evaluated rule");
            }
        }
    }
}

#[test]
fn most_accounts_are_mostly_compliant() {
    let organization = build(&OrgSpec::new(8, 2_000));
    let rows = organization.summaries(GroupBy::Account, None, None);
    let mostly_compliant = rows
        .iter()
        .filter(|row| row.compliant >= 3 * row.noncompliant)
        .count();
    let badly_noncompliant = rows
        .iter()
        .filter(|row| row.noncompliant > row.compliant)
        .count();
    assert!(
        mostly_compliant * 100 >= rows.len() * 60,
        "most accounts must be mostly compliant"
    );
    assert!(
        badly_noncompliant > 0,
        "some accounts must be badly noncompliant"
    );
    assert!(
        badly_noncompliant * 100 <= rows.len() * 20,
        "only a few accounts may be bad"
    );
}

#[test]
fn accounts_aggregator_takes_every_nth_account() {
    let organization = build(&small_spec(9));
    let listed = organization.aggregators[1]
        .accounts
        .clone()
        .unwrap_or_default();
    assert_eq!(
        listed.len(),
        300usize.div_ceil(7),
        "stride 7 over 300 accounts"
    );
    assert_eq!(
        listed.get(1),
        Some(&7),
        "the second source is account index 7"
    );
}
