#include "gebiedscan/core/error.hpp"
