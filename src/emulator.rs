//! Local AWS Config endpoint.
