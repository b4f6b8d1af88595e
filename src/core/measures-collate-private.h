/* measures-collate-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests: the key of a text from the table of characters' keys alone.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_measures_collate_table_key (const char *text);

G_END_DECLS
