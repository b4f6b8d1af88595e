/* measures-file.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean measures_file_read_all         (GFile         *file,
                                         goffset        limit,
                                         GCancellable  *cancellable,
                                         char         **contents,
                                         gsize         *length,
                                         GError       **error);
gboolean measures_file_replace_contents (GFile         *file,
                                         GBytes        *bytes,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
