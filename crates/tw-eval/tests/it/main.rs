//! Integration tests of tw-eval against the reference scorer's outputs.

/// Committed fixtures: synthetic gold dirs with score.py's recorded outputs.
mod fixtures;
/// Perturbed real gold, scored live by score.py; runs only with TW_SHARED set.
mod shared;
