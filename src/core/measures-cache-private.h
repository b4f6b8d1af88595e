/* measures-cache-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-cache.h"
#include "measures-measure.h"
#include "measures-number-map-private.h"
#include "measures-record-reader-private.h"
#include "measures-store.h"

G_BEGIN_DECLS

/* The numbers of a record in a cache (see measures-cache.c). */
typedef enum
{
  F_ID,
  F_COUNTRY,
  F_REGION,
  F_URL,
  F_EXTRA,
  F_YEAR_FROM,
  F_YEAR_TO,
  F_TYPES,
  F_N_TYPES,
  F_FORMS,
  F_N_FORMS,
  F_TEXTS,                      /* six (start, count) pairs */
  F_TITLE_DERIVED = F_TEXTS + 12,
  F_INDEX,
  F_LINE,
  RECORD_FIELDS
} Field;

#define N_TEXTS 6

/* The children of a cache's GVariant. */
enum {
  MEASURES_CACHE_STRINGS = 6,
  MEASURES_CACHE_RECORDS,
  MEASURES_CACHE_LISTS,
  MEASURES_CACHE_VOCABULARY,
  MEASURES_CACHE_POSTING_ENDS,
  MEASURES_CACHE_POSTINGS,
};

typedef struct
{
  MeasuresStrings *strings;
  const char *blob;
  gsize blob_len;
  const guint32 *records;
  gsize n_records;
  const guint32 *lists;
  gsize n_lists;
  guint64 *starts;          /* a bit per byte of @blob: a string starts there;
                             * NULL to check each string as it is read */
  MeasuresRecordReader *reader;
  MeasuresNumberMap *regions;   /* a country's offset → 2 + its region in
                                 * @region_names, or 1 for none; NULL to
                                 * look each up */
  GPtrArray *region_names;
} MeasuresCacheReader;

gboolean         _measures_cache_check_header (GVariant                  *cache,
                                               MeasuresCacheKey          *key,
                                               GError                   **error);
MeasuresMeasure *_measures_cache_read_record  (const MeasuresCacheReader *r,
                                               const guint32             *f,
                                               GError                   **error);

G_END_DECLS
