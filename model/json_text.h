#pragma once
// How loaders quote a bad JSON value in a diagnostic ("got \"abc\"", "got a list"), shared by the .napkin
// loader and the problem loader so that their messages read alike.

#include "model/types.h"

#include <string>

namespace napkin {

/// A string in quotes (cut after 40 characters), a number as written, or "an object" / "a list".
std::string describeJsonValue(const Json& value);

} // namespace napkin
