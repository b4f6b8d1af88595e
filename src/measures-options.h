/* measures-options.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options of the command line, for `measures --help` and the man
 * page alike; their descriptions are untranslated (N_). */
extern const GOptionEntry measures_option_entries[];

G_END_DECLS
