//! Turning the paths a user gives into a stream of items: directory walk,
//! symlink checks, format detection, and the rule for per-document options.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::sources;
use crate::{IngestError, IngestOptions, Item};

/// A file to read, or an entry that is already known to give no document.
enum Entry {
    File(PathBuf),
    Skipped(Item),
}

pub(crate) fn ingest(paths: &[PathBuf], opts: &IngestOptions) -> impl Iterator<Item = Item> {
    let entries = collect(paths);
    let files: Vec<&PathBuf> = entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::File(path) => Some(path),
            Entry::Skipped(_) => None,
        })
        .collect();
    let lone_document = match files.as_slice() {
        [only] => sources::detect(only).holds_one_document(only),
        _ => false,
    };
    let mut per_document = opts.clone();
    if !lone_document && (opts.id.is_some() || opts.url.is_some()) {
        tracing::warn!(
            "--id and --url name one document; the input does not hold exactly one, so they are ignored"
        );
        per_document.id = None;
        per_document.url = None;
    }
    entries
        .into_iter()
        .flat_map(move |entry| -> Box<dyn Iterator<Item = Item>> {
            match entry {
                Entry::Skipped(item) => Box::new(std::iter::once(item)),
                Entry::File(path) => {
                    let source = sources::detect(&path);
                    tracing::debug!(path = %path.display(), format = source.format(), "reading");
                    source.read(&path, &per_document)
                }
            }
        })
}

fn skipped(path: &Path, error: IngestError) -> Entry {
    Entry::Skipped(Item::Skipped {
        origin: path.display().to_string(),
        reason: error.to_string(),
    })
}

/// Every file under `paths`, in the order given, directories walked sorted.
fn collect(paths: &[PathBuf]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) => entries.push(skipped(path, IngestError::io(path, error))),
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut entries),
            Ok(meta) if meta.is_file() => entries.push(Entry::File(path.clone())),
            Ok(_) => entries.push(skipped(path, not_a_file(path))),
        }
    }
    entries
}

fn not_a_file(path: &Path) -> IngestError {
    IngestError::io(
        path,
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"),
    )
}

/// Depth-first, sorted by name, iteratively (deep trees cannot overflow the
/// stack). Hidden entries are left out. A symlink is followed only when its
/// target lies inside `root`; each directory is entered once, so symlink
/// loops end.
fn walk_dir(root: &Path, entries: &mut Vec<Entry>) {
    let canonical_root = match root.canonicalize() {
        Ok(root) => root,
        Err(error) => {
            entries.push(skipped(root, IngestError::io(root, error)));
            return;
        }
    };
    let mut visited: HashSet<PathBuf> = HashSet::from([canonical_root.clone()]);
    // Stack of directories still to list, in reverse order of visiting.
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut children: Vec<_> = match std::fs::read_dir(&dir) {
            Ok(read) => read.filter_map(Result::ok).collect(),
            Err(error) => {
                entries.push(skipped(&dir, IngestError::io(&dir, error)));
                continue;
            }
        };
        children.sort_by_key(|child| child.file_name());
        let mut subdirs = Vec::new();
        for child in children {
            if child.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = child.path();
            let Ok(file_type) = child.file_type() else {
                continue;
            };
            let target_is_dir = if file_type.is_symlink() {
                let target = match path.canonicalize() {
                    Ok(target) => target,
                    Err(error) => {
                        entries.push(skipped(&path, IngestError::io(&path, error)));
                        continue;
                    }
                };
                if !target.starts_with(&canonical_root) {
                    let error = IngestError::OutsideRoot {
                        root: root.to_path_buf(),
                    };
                    entries.push(skipped(&path, error));
                    continue;
                }
                if target.is_dir() {
                    if !visited.insert(target) {
                        continue;
                    }
                    true
                } else {
                    false
                }
            } else if file_type.is_dir() {
                let first_visit = path
                    .canonicalize()
                    .map_or(true, |canonical| visited.insert(canonical));
                if !first_visit {
                    continue;
                }
                true
            } else {
                false
            };
            if target_is_dir {
                subdirs.push(path);
            } else if file_type.is_file() || file_type.is_symlink() {
                entries.push(Entry::File(path));
            } else {
                entries.push(skipped(&path, not_a_file(&path)));
            }
        }
        // Files of a directory come before its subdirectories' files.
        stack.extend(subdirs.into_iter().rev());
    }
}
