/* measures-loader.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-dataset.h"
#include "measures-index.h"

G_BEGIN_DECLS

/* Deeper nesting than any real dataset needs; json-glib itself
 * overflows the stack somewhere past 70,000 levels. The loader's scan
 * keeps it (MEASURES_JSON_SCAN_MAX_DEPTH, checked equal). */
#define MEASURES_LOADER_MAX_DEPTH 64


/**
 * MeasuresCatalog:
 * @datasets: (element-type MeasuresDataset): one dataset for each file
 * @measures: (element-type MeasuresMeasure): the measures of all files,
 *   the later file winning on equal ids
 * @problems: (element-type MeasuresProblem): everything that could not
 *   be read, in every file
 * @index: the index of @measures
 *
 * Everything that loading a set of files gives.
 */
typedef struct
{
  GPtrArray     *datasets;
  GPtrArray     *measures;
  GPtrArray     *problems;
  MeasuresIndex *index;
} MeasuresCatalog;

void              measures_catalog_free              (MeasuresCatalog      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresCatalog, measures_catalog_free)

GFile            *measures_loader_get_bundled_file   (void);
guint64           measures_loader_get_max_size       (void);
MeasuresCatalog  *measures_loader_load_catalog       (GFile * const        *files,
                                                      guint                 n_files,
                                                      GCancellable         *cancellable);
MeasuresDataset  *measures_loader_load_bytes         (GBytes               *bytes,
                                                      GFile                *file,
                                                      const char           *name);
MeasuresDataset  *measures_loader_load_file          (GFile                *file,
                                                      GCancellable         *cancellable);
MeasuresCatalog  *measures_loader_load_catalog_with_progress (GFile * const *files,
                                                              guint                 n_files,
                                                              GCancellable         *cancellable,
                                                              gint                 *progress);
void              measures_loader_load_with_progress_async (GFile * const *files,
                                                            guint                 n_files,
                                                            gint                 *progress,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void              measures_loader_load_async         (GFile * const        *files,
                                                      guint                 n_files,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
MeasuresCatalog  *measures_loader_load_finish        (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
