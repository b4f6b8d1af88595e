/* measures-cache-search.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-bitset.h"
#include "measures-cache.h"
#include "measures-measure.h"

G_BEGIN_DECLS

typedef struct _MeasuresCacheSearch MeasuresCacheSearch;

MeasuresCacheSearch *measures_cache_search_open           (GFile               *source,
                                                           GError             **error);
MeasuresCacheSearch *measures_cache_search_new_for_bytes  (GBytes              *bytes,
                                                           MeasuresCacheKey    *key,
                                                           GError             **error);
void                 measures_cache_search_free           (MeasuresCacheSearch *self);
GPtrArray           *measures_cache_search_find           (MeasuresCacheSearch *self,
                                                           const char * const  *words,
                                                           guint                max,
                                                           GHashTable          *only);
MeasuresMeasure     *measures_cache_search_read_measure   (MeasuresCacheSearch *self,
                                                           const char          *id);
MeasuresBitset      *measures_cache_search_match          (MeasuresCacheSearch *self,
                                                           const char * const  *words);
const char          *measures_cache_search_get_id         (MeasuresCacheSearch *self,
                                                           guint                record);
MeasuresMeasure     *measures_cache_search_read_record    (MeasuresCacheSearch *self,
                                                           guint                record);
guint                measures_cache_search_get_n_measures (MeasuresCacheSearch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresCacheSearch, measures_cache_search_free)

G_END_DECLS
