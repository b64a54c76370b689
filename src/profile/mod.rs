//! Contest profiles: the rules of one contest plan as data (TOML).
