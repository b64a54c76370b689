//! Stage 1: find the entries in a contest folder.
