//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod demo;
pub mod drive;
pub mod pty;
