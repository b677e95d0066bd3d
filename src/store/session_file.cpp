#include "session_file.hpp"
