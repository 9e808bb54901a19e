//! `--help` in the interface language: clap's command (declared in `cli.rs`)
//! with every about, argument help and heading replaced by the catalogue's
//! `help.*` texts, and clap's own English words (Usage, Options, the
//! `[default: …]` and `[possible values: …]` notes) replaced or moved into them.

use super::text;
use clap::{Arg, ArgAction, Command};

/// The key of an argument's help: `help.arg.ID` for the main command and
/// `help.SUBCOMMAND.ID` for a subcommand's own arguments (`list --format`).
pub fn arg_key(command: Option<&str>, id: &str) -> String {
    match command {
        Some(sub) if !SHARED.contains(&sub) => format!("help.{sub}.{id}"),
        _ => format!("help.arg.{id}"),
    }
}

/// Subcommands that take the options of `check` and share their help texts.
const SHARED: [&str; 2] = ["check", "baseline"];

/// The catalogue text of a dynamic key; the key must exist (a test walks the command).
fn dynamic(key: &str) -> &'static str {
    text(key)
}

fn localize_args(mut cmd: Command, sub: Option<&str>) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let key = arg_key(sub, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                text("help.heading.arguments")
            } else {
                text("help.heading.options")
            };
            let a = a.help(dynamic(&key)).help_heading(heading);
            // Defaults and choices are written in the help text itself.
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text("help.flag.help"))
            .help_heading(text("help.heading.options")),
    )
}

/// The command line's clap command, in the current language.
/// Rendered help with clap's `Heading:` in the language's punctuation (clap
/// always ends a heading with an ASCII colon; Chinese writes `：`).
pub fn punctuate(rendered: String) -> String {
    let colon = text("help.heading-colon");
    if colon == ":" {
        return rendered;
    }
    let mut out = rendered;
    for key in [
        "help.heading.arguments",
        "help.heading.options",
        "help.heading.commands",
    ] {
        let heading = text(key);
        out = out.replace(&format!("{heading}:"), &format!("{heading}{colon}"));
    }
    out
}

pub fn localize(cmd: Command) -> Command {
    let template = text("help.template");
    let mut cmd = localize_args(cmd, None)
        .about(text("help.about"))
        .help_template(template)
        .subcommand_help_heading(text("help.heading.commands"))
        .subcommand_value_name(text("help.command-value"))
        .override_usage(text("help.usage"))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("help.flag.version"))
                .help_heading(text("help.heading.options")),
        );
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let about = dynamic(&format!("help.command.{name}"));
        cmd = cmd.mut_subcommand(&name, |s| {
            localize_args(s, Some(&name))
                .about(about)
                .help_template(template)
        });
    }
    cmd
}

/// Every catalogue key the command's help uses (the completeness test checks
/// that each exists and that no `help.*` key is left over).
pub fn keys_used(cmd: &Command) -> Vec<String> {
    let mut keys = vec![];
    let mut args = |c: &Command, sub: Option<&str>| {
        for a in c.get_arguments() {
            let id = a.get_id().as_str();
            if id != "help" && id != "version" {
                keys.push(arg_key(sub, id));
            }
        }
    };
    args(cmd, None);
    let mut subs = vec![];
    for s in cmd.get_subcommands() {
        args(s, Some(s.get_name()));
        subs.push(format!("help.command.{}", s.get_name()));
    }
    keys.extend(subs);
    keys.sort();
    keys.dedup();
    keys
}

/// A command-line error in the current language: clap's English text for
/// English, a translation of the common kinds for Chinese (None: use clap's).
pub fn error_text(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    if super::current() == super::Lang::En {
        return None;
    }
    let get = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument => crate::tr!(
            "cli.error.unknown-argument",
            arg = get(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue);
            let arg = get(ContextKind::InvalidArg);
            if value.is_empty() {
                crate::tr!("cli.error.missing-value", arg = arg)
            } else {
                crate::tr!(
                    "cli.error.invalid-value",
                    value = value,
                    arg = arg,
                    valid = get(ContextKind::ValidValue)
                )
            }
        }
        ErrorKind::MissingRequiredArgument => crate::tr!(
            "cli.error.missing-argument",
            arg = get(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => crate::tr!(
            "cli.error.conflict",
            arg = get(ContextKind::InvalidArg),
            other = get(ContextKind::PriorArg)
        ),
        ErrorKind::InvalidSubcommand => crate::tr!(
            "cli.error.unknown-command",
            arg = get(ContextKind::InvalidSubcommand)
        ),
        _ => return None,
    };
    for key in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = e.get(key) {
            msg.push('\n');
            msg.push_str(&crate::tr!("cli.error.did-you-mean", suggestion = s));
        }
    }
    msg.push('\n');
    msg.push_str(&crate::tr!("cli.error.more"));
    Some(msg)
}
