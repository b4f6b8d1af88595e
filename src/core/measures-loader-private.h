/* measures-loader-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _measures_loader_json_is_safe (const char *text,
                                        gsize       length);

G_END_DECLS
