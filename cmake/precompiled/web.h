// Precompiled for the web layer: what common.h holds, and Boost.Beast/Asio and mstch, by far the
// heaviest headers of the project.
#pragma once

#include "common.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mstch/mstch.hpp>
