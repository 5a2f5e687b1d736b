//! Corroboration: which reports share one origin.
#![deny(missing_docs)]
