//! `soloai serve`: the council's web app. Prints the address (and, the first time, the link
//! that creates the administrator), then serves until Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use soloai::Lang;
use soloai::serve::{self, ServeOptions, upload::UploadLimits};

#[derive(clap::Args)]
pub struct Args {
    /// Folder for the database, the uploads, the reports and the corpus index.
    #[arg(long, default_value = "soloai-data")]
    pub data: PathBuf,
    /// Address and port to listen on; 0.0.0.0:8080 to serve the office network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// The address people open, when a proxy sits in front (https://… makes cookies Secure).
    #[arg(long)]
    pub public_url: Option<String>,
    /// Largest upload (one request and one file), in MB.
    #[arg(long, default_value_t = 1024)]
    pub max_upload_mb: u64,
    /// A folder of prior documents to add to the corpus at start (repeatable).
    #[arg(long = "corpus")]
    pub corpus: Vec<PathBuf>,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let opts = ServeOptions {
        bind: args.bind,
        lang,
        limits: UploadLimits::from_mb(args.max_upload_mb),
        public_url: args.public_url,
        corpus_dirs: args.corpus,
        ..ServeOptions::new(args.data)
    };
    match serve::run(&opts) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("soloai: {}", e.message(lang));
            Ok(ExitCode::from(2))
        }
    }
}
