//! Reading one TOML table field by field, so that every error names the
//! file, the record and the field.

use toml::{Table, Value};

use crate::SanctionsError;

/// One record (a TOML table) being read, with where it came from.
pub(crate) struct Fields<'t> {
    pub(crate) file: String,
    pub(crate) record: String,
    /// Dotted prefix for fields of nested tables (`scope.`).
    prefix: String,
    table: &'t Table,
}

impl<'t> Fields<'t> {
    pub(crate) fn new(file: &str, record: String, table: &'t Table) -> Fields<'t> {
        Fields {
            file: file.to_string(),
            record,
            prefix: String::new(),
            table,
        }
    }

    /// The error for `field` of this record.
    pub(crate) fn error(&self, field: &str, message: impl Into<String>) -> SanctionsError {
        SanctionsError::Invalid {
            file: self.file.clone(),
            record: self.record.clone(),
            field: format!("{}{}", self.prefix, field),
            message: message.into(),
        }
    }

    /// Reject any key not in `known` (a typo must not silently drop data).
    pub(crate) fn only(&self, known: &[&str]) -> Result<(), SanctionsError> {
        match self.table.keys().find(|k| !known.contains(&k.as_str())) {
            Some(key) => Err(self.error(
                key,
                format!("unknown field (expected one of: {})", known.join(", ")),
            )),
            None => Ok(()),
        }
    }

    /// A nested table, read with `name.` prefixed to its fields.
    pub(crate) fn table(&self, name: &str) -> Result<Option<Fields<'t>>, SanctionsError> {
        match self.table.get(name) {
            None => Ok(None),
            Some(Value::Table(t)) => Ok(Some(Fields {
                file: self.file.clone(),
                record: self.record.clone(),
                prefix: format!("{}{}.", self.prefix, name),
                table: t,
            })),
            Some(other) => Err(self.error(
                name,
                format!("expected a table, found {}", other.type_str()),
            )),
        }
    }

    /// Tables of an array of tables (`[[x]]` or `x = [{...}]`), each read with `name[i].`.
    pub(crate) fn tables(&self, name: &str) -> Result<Vec<Fields<'t>>, SanctionsError> {
        let Some(value) = self.table.get(name) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.error(
                name,
                format!("expected an array of tables, found {}", value.type_str()),
            ));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Table(t) => Ok(Fields {
                    file: self.file.clone(),
                    record: self.record.clone(),
                    prefix: format!("{}{}[{}].", self.prefix, name, i),
                    table: t,
                }),
                other => Err(self.error(
                    &format!("{name}[{i}]"),
                    format!("expected a table, found {}", other.type_str()),
                )),
            })
            .collect()
    }

    pub(crate) fn opt_str(&self, name: &str) -> Result<Option<String>, SanctionsError> {
        match self.table.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => {
                Err(self.error(name, "must not be empty"))
            }
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(other) => Err(self.error(
                name,
                format!("expected a string, found {}", other.type_str()),
            )),
        }
    }

    pub(crate) fn str(&self, name: &str) -> Result<String, SanctionsError> {
        self.opt_str(name)?
            .ok_or_else(|| self.error(name, "missing"))
    }

    pub(crate) fn opt_bool(&self, name: &str) -> Result<Option<bool>, SanctionsError> {
        match self.table.get(name) {
            None => Ok(None),
            Some(Value::Boolean(b)) => Ok(Some(*b)),
            Some(other) => Err(self.error(
                name,
                format!("expected true or false, found {}", other.type_str()),
            )),
        }
    }

    /// A number (integer or float), finite.
    pub(crate) fn opt_number(&self, name: &str) -> Result<Option<f64>, SanctionsError> {
        match self.table.get(name) {
            None => Ok(None),
            Some(Value::Integer(i)) => Ok(Some(*i as f64)),
            Some(Value::Float(f)) if f.is_finite() => Ok(Some(*f)),
            Some(other) => Err(self.error(name, format!("expected a number, found {other}"))),
        }
    }

    pub(crate) fn number(&self, name: &str) -> Result<f64, SanctionsError> {
        self.opt_number(name)?
            .ok_or_else(|| self.error(name, "missing"))
    }

    pub(crate) fn opt_integer(&self, name: &str) -> Result<Option<i64>, SanctionsError> {
        match self.table.get(name) {
            None => Ok(None),
            Some(Value::Integer(i)) => Ok(Some(*i)),
            Some(other) => Err(self.error(name, format!("expected an integer, found {other}"))),
        }
    }

    /// A list of non-empty strings (absent: empty).
    pub(crate) fn strings(&self, name: &str) -> Result<Vec<String>, SanctionsError> {
        let Some(value) = self.table.get(name) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.error(
                name,
                format!("expected a list of strings, found {}", value.type_str()),
            ));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                Value::String(_) => Err(self.error(&format!("{name}[{i}]"), "must not be empty")),
                other => Err(self.error(
                    &format!("{name}[{i}]"),
                    format!("expected a string, found {}", other.type_str()),
                )),
            })
            .collect()
    }
}

/// Parse a whole file as a TOML table.
pub(crate) fn parse_file(file: &str, text: &str) -> Result<Table, SanctionsError> {
    text.parse::<Table>().map_err(|e| SanctionsError::Toml {
        file: file.to_string(),
        message: e.to_string().trim().replace('\n', " "),
    })
}

/// The label of record `index` (0-based): its `id` when it has a string one, else `#n`.
pub(crate) fn record_label(table: &Table, key: &str, index: usize) -> String {
    match table.get(key) {
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        _ => format!("#{}", index + 1),
    }
}

/// The records of array-of-tables `key` in a file; any other top-level key is an error.
pub(crate) fn records<'t>(
    file: &str,
    table: &'t Table,
    key: &str,
    allowed_top: &[&str],
) -> Result<Vec<&'t Table>, SanctionsError> {
    let top_error = |field: &str, message: String| SanctionsError::Invalid {
        file: file.to_string(),
        record: "-".to_string(),
        field: field.to_string(),
        message,
    };
    if let Some(other) = table
        .keys()
        .find(|k| *k != key && !allowed_top.contains(&k.as_str()))
    {
        return Err(top_error(
            other,
            format!("unknown top-level key (records go in [[{key}]])"),
        ));
    }
    match table.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Table(t) => Ok(t),
                other => Err(top_error(
                    &format!("{key}[{i}]"),
                    format!("expected a table, found {}", other.type_str()),
                )),
            })
            .collect(),
        Some(other) => Err(top_error(
            key,
            format!("expected [[{key}]] tables, found {}", other.type_str()),
        )),
    }
}
