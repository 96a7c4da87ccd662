// Precompiled for the three test programs: common.h, GoogleTest and GoogleMock.
#pragma once

#include "common.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
