//! `soloai compare`.

use std::process::ExitCode;

use soloai::Lang;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _lang: Lang) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
