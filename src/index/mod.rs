//! Stage 5: the persistent corpus of prior ideas, a tantivy index beside the contest files.
