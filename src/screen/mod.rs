//! The main job: screen a contest folder end to end and write the council's reports.

pub mod cache;
pub mod eligibility;
