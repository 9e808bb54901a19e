fn main() {
    std::process::exit(reportlint::cli::run(std::env::args_os()));
}
