/* measures-error.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-error.h"

G_DEFINE_QUARK (measures-error-quark, measures_error)
