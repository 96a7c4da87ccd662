// The words a person searched for, taken from the query string of a
// well-known search engine's results page, for the decision log (NET-5: the
// DSL sees searches that point to risk, not just the sites visited).
//
// Engines and their parameter: Google, Bing, DuckDuckGo and Ecosia "q",
// Yahoo "p", YouTube "search_query". The engine is recognised by a label of
// the host ("google" in www.google.co.uk) followed only by a public-suffix
// like tail of at most two labels of at most three letters ("co.uk", "com"),
// so "google.evil.example" is not taken for Google. The value is
// plus- and percent-decoded; control bytes (tabs, line ends) become spaces
// so it stays one field of one log line, and runs of spaces are collapsed.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>

#include "filter/url_normaliser.h"

namespace inloco::filter {

// The search terms of `url`, or nothing when it is not a search or the
// terms are empty.
std::optional<std::string> search_terms(const NormalisedUrl& url);

}  // namespace inloco::filter
