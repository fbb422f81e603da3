//! packscope: a terminal browser for AWS Config conformance pack compliance across an
//! aggregator, with a local emulator of the AWS Config endpoint.

pub mod action;
pub mod app;
pub mod aws;
pub mod cli;
pub mod clipboard;
pub mod demo;
pub mod emulator;
pub mod event_loop;
pub mod export;
pub mod fetcher;
pub mod keymap;
pub mod logging;
pub mod output;
pub mod pick;
pub mod query;
pub mod sanitize;
pub mod signals;
pub mod startup;
pub mod terminal;
pub mod ui;
pub mod validate;
