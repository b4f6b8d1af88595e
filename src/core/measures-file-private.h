/* measures-file-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the cache's fingerprinting shares with measures-file.c: opening a
 * regular file without waiting, and reading it in pieces that can be
 * cancelled.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#ifdef G_OS_UNIX
int    _measures_file_open_regular (const char    *path,
                                    guint64       *size,
                                    GError       **error);
gssize _measures_file_read_some    (int            fd,
                                    char          *buffer,
                                    gsize          count,
                                    GCancellable  *cancellable,
                                    GError       **error);
#endif

G_END_DECLS
