//! Names the generator draws from: regions, conformance packs and account names.

/// Sixteen commercial regions that are enabled by default in a new account.
pub const DEFAULT_REGIONS: [&str; 16] = [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-2",
];

/// A conformance pack template: its deployed name, how common it is and its rule count.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PackTemplate {
    /// The pack name, which must match the service pattern `[a-zA-Z][-a-zA-Z0-9]*`
    /// (so a template version such as "v1.4" becomes "v1-4").
    pub name: &'static str,
    /// The relative chance of drawing this pack for an account and region.
    pub weight: u32,
    /// The number of AWS Config rules the pack deploys.
    pub rules: u16,
}

const fn pack(name: &'static str, weight: u32, rules: u16) -> PackTemplate {
    PackTemplate {
        name,
        weight,
        rules,
    }
}

/// Conformance packs sorted by name. Packs deployed by the organization
/// (`OrgConformsPack-` prefix and a random suffix) are the most common.
pub(crate) const PACKS: [PackTemplate; 20] = [
    pack(
        "Operational-Best-Practices-for-AWS-Well-Architected-Security-Pillar",
        8,
        92,
    ),
    pack("Operational-Best-Practices-for-Amazon-S3", 12, 18),
    pack("Operational-Best-Practices-for-CIS-AWS-v1-4-Level1", 30, 42),
    pack("Operational-Best-Practices-for-CIS-AWS-v1-4-Level2", 10, 57),
    pack("Operational-Best-Practices-for-EC2", 9, 31),
    pack("Operational-Best-Practices-for-Encryption-and-Keys", 7, 26),
    pack("Operational-Best-Practices-for-FedRAMP-Moderate", 3, 138),
    pack("Operational-Best-Practices-for-HIPAA-Security", 4, 121),
    pack("Operational-Best-Practices-for-Logging", 8, 22),
    pack("Operational-Best-Practices-for-NIST-800-53-rev-5", 5, 196),
    pack("Operational-Best-Practices-for-Networking", 6, 24),
    pack("Operational-Best-Practices-for-PCI-DSS-3-2-1", 4, 148),
    pack("OrgConformsPack-encryption-at-rest-d5r2c8vh", 45, 14),
    pack("OrgConformsPack-iam-baseline-p3w8n1zt", 60, 19),
    pack("OrgConformsPack-logging-baseline-m6t4y1qe", 40, 11),
    pack("OrgConformsPack-s3-baseline-x7k2m9qa", 70, 9),
    pack("Security-Best-Practices-for-Amazon-RDS", 5, 17),
    pack("Security-Best-Practices-for-Lambda", 5, 8),
    pack("custom-data-platform-guardrails", 3, 12),
    pack("custom-tagging-policy", 6, 4),
];

/// Team names for generated account names such as "payments-prod".
pub(crate) const TEAMS: [&str; 24] = [
    "analytics",
    "billing",
    "checkout",
    "data-lake",
    "edge",
    "identity",
    "ingest",
    "logistics",
    "media",
    "ml-platform",
    "mobile-api",
    "network",
    "notifications",
    "observability",
    "orders",
    "partner-gateway",
    "payments",
    "platform",
    "reporting",
    "search",
    "security-tooling",
    "shared-services",
    "support",
    "web",
];

/// Environment suffixes for generated account names.
pub(crate) const ENVIRONMENTS: [&str; 5] = ["dev", "prod", "qa", "sandbox", "staging"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_are_sorted_by_name() {
        for pair in PACKS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} must sort before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn pack_names_match_service_pattern() {
        for template in PACKS {
            let mut chars = template.name.chars();
            let first = chars.next().unwrap_or('-');
            assert!(
                first.is_ascii_alphabetic(),
                "{} must start with a letter",
                template.name
            );
            assert!(
                chars.all(|c| c == '-' || c.is_ascii_alphanumeric()),
                "{} may contain only letters, digits and hyphens",
                template.name
            );
        }
    }

    #[test]
    fn default_regions_are_sorted() {
        for pair in DEFAULT_REGIONS.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{} must sort before {}",
                pair[0],
                pair[1]
            );
        }
    }
}
