/* measures-cache-merge.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-measure.h"
#include "measures-query.h"
#include "measures-sort.h"

G_BEGIN_DECLS

typedef struct _MeasuresCacheMerge MeasuresCacheMerge;

MeasuresCacheMerge *measures_cache_merge_open           (GFile * const      *files,
                                                         guint               n_files,
                                                         GError            **error);
void                measures_cache_merge_free           (MeasuresCacheMerge *self);
GPtrArray          *measures_cache_merge_find           (MeasuresCacheMerge *self,
                                                         MeasuresQuery      *query,
                                                         MeasuresSort        sort,
                                                         gboolean            descending,
                                                         guint               max,
                                                         GHashTable         *only);
gboolean            measures_cache_merge_read_measure   (MeasuresCacheMerge *self,
                                                         const char         *id,
                                                         MeasuresMeasure   **measure);
guint               measures_cache_merge_get_n_measures (MeasuresCacheMerge *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresCacheMerge, measures_cache_merge_free)

G_END_DECLS
