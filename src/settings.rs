//! Which configuration applies to a file: the nearest `reportlint.toml` at or
//! above the file's own folder (as ruff and typos look it up), `--config FILE`
//! for every file, or the built-in defaults (`--isolated`, or none found).
//! Each config file is read once.

use crate::config::{Config, ConfigError};
use crate::paths;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where the settings come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The nearest `reportlint.toml` above each file.
    Discover,
    /// This file for every input (`--config`).
    File(PathBuf),
    /// Built-in defaults only (`--isolated`).
    Isolated,
}

pub struct Resolver {
    source: Source,
    cwd: PathBuf,
    /// `--encoding`, which wins over every config's `encoding`.
    encoding: Option<String>,
    /// Loaded configs by config path, or by root for the defaults.
    loaded: Mutex<HashMap<PathBuf, Arc<Config>>>,
    /// The config file found for a folder (None: none above it).
    found: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl Resolver {
    pub fn new(source: Source, cwd: PathBuf, encoding: Option<String>) -> Resolver {
        Resolver {
            source,
            cwd,
            encoding,
            loaded: Mutex::default(),
            found: Mutex::default(),
        }
    }

    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// The settings for a file or folder given by its absolute, normalized path.
    pub fn for_path(&self, abs: &Path, is_dir: bool) -> Result<Arc<Config>, ConfigError> {
        let dir = if is_dir {
            abs
        } else {
            abs.parent().unwrap_or(abs)
        };
        match &self.source {
            Source::Isolated => Ok(self.defaults(dir)),
            Source::File(p) => self.load(&paths::absolute(p, &self.cwd)),
            Source::Discover => match self.config_file_for(dir) {
                Some(p) => self.load(&p),
                None => Ok(self.defaults(dir)),
            },
        }
    }

    /// The settings of the current directory: they give the global options
    /// (output format, fail-on) of a run.
    pub fn for_cwd(&self) -> Result<Arc<Config>, ConfigError> {
        self.for_path(&self.cwd.clone(), true)
    }

    fn config_file_for(&self, dir: &Path) -> Option<PathBuf> {
        let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = found.get(dir) {
            return hit.clone();
        }
        let hit = Config::discover(dir);
        found.insert(dir.to_owned(), hit.clone());
        hit
    }

    fn load(&self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = self.cached(path) {
            return Ok(c);
        }
        let mut config = Config::load(path)?;
        config.root = path
            .parent()
            .map_or_else(|| self.cwd.clone(), Path::to_owned);
        Ok(self.remember(path.to_owned(), config))
    }

    fn defaults(&self, dir: &Path) -> Arc<Config> {
        let root = paths::default_root(dir, &self.cwd);
        let key = root.join("<defaults>");
        if let Some(c) = self.cached(&key) {
            return c;
        }
        let mut config = Config::default_config();
        config.root = root;
        self.remember(key, config)
    }

    fn cached(&self, key: &Path) -> Option<Arc<Config>> {
        let loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        loaded.get(key).cloned()
    }

    fn remember(&self, key: PathBuf, mut config: Config) -> Arc<Config> {
        if self.encoding.is_some() {
            config.encoding.clone_from(&self.encoding);
        }
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        loaded
            .entry(key)
            .or_insert_with(|| Arc::new(config))
            .clone()
    }
}
