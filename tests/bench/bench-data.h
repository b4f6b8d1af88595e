/* bench-data.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

gboolean bench_write_dataset (const char  *shape,
                              guint        n,
                              const char  *path,
                              GError     **error);
