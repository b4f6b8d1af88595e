/* measures-loader.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-dataset.h"

G_BEGIN_DECLS

/* The format name written to, and accepted from, dataset files. */
#define MEASURES_FORMAT "measures-1"

/* Deeper nesting than any real dataset needs; json-glib itself
 * overflows the stack somewhere past 70,000 levels. */
#define MEASURES_LOADER_MAX_DEPTH 64

GFile            *measures_loader_get_bundled_file   (void);
MeasuresDataset  *measures_loader_load_bytes         (GBytes               *bytes,
                                                      GFile                *file,
                                                      const char           *name);
MeasuresDataset  *measures_loader_load_file          (GFile                *file,
                                                      GCancellable         *cancellable);
void              measures_loader_load_async         (GFile * const        *files,
                                                      guint                 n_files,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray        *measures_loader_load_finish        (GAsyncResult         *result,
                                                      GError              **error);
char             *measures_loader_serialize          (GPtrArray            *measures,
                                                      gsize                *length);

G_END_DECLS
