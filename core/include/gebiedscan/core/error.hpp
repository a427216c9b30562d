#pragma once
#include <stdexcept>
#include <string>

namespace gebiedscan {

/// The one project error type. Hard failures (cannot open, CRS missing, a C call failed) throw
/// this or a subclass; expected per-record problems are counted, never thrown.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input given by the user: a missing file, a wrong layer or field name, a malformed model.
class InputError : public Error {
public:
    using Error::Error;
};

/// Failure while writing outputs (disk full, read-only folder, driver error).
class OutputError : public Error {
public:
    using Error::Error;
};

} // namespace gebiedscan
