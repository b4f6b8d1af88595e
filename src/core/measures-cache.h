/* measures-cache.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-dataset.h"

G_BEGIN_DECLS

/* Bumped whenever the layout of a cache or of its records changes. */
#define MEASURES_CACHE_VERSION 6

/* A cache is one GVariant of this type (see measures-cache.c), whose
 * last member, at MEASURES_CACHE_CHECKSUM, is the checksum of the rest. */
#define MEASURES_CACHE_TYPE "(sustttayauauauatayt)"
#define MEASURES_CACHE_CHECKSUM 12

/**
 * MeasuresCacheKey:
 * @uri: the dataset file's URI
 * @size: its size in bytes
 * @mtime: its modification time, in microseconds
 * @fingerprint: measures_cache_fingerprint() of its contents
 * @any_fingerprint: when set, reading a cache accepts any fingerprint and
 *   sets @fingerprint to the cache's, for the caller to compare with one
 *   it computes meanwhile
 *
 * What a cache must match to stand for a dataset file.
 */
typedef struct
{
  const char *uri;
  guint64 size;
  guint64 mtime;
  guint64 fingerprint;
  gboolean any_fingerprint;
} MeasuresCacheKey;

typedef struct
{
  guint64 lanes[4];
  guint64 length;
  char pending[32];
  guint n_pending;
} MeasuresFingerprint;

void             measures_fingerprint_init  (MeasuresFingerprint    *self);
void             measures_fingerprint_update (MeasuresFingerprint   *self,
                                              const char            *data,
                                              gsize                  length);
guint64          measures_fingerprint_end   (MeasuresFingerprint    *self);
gboolean         measures_cache_fingerprint_file (GFile             *file,
                                                  GCancellable      *cancellable,
                                                  guint64           *fingerprint,
                                                  guint64           *size,
                                                  GError           **error);
guint64          measures_cache_fingerprint (const char             *data,
                                             gsize                   length);
GFile           *measures_cache_get_file    (GFile                  *source);
MeasuresDataset *measures_cache_read_bytes  (GBytes                 *bytes,
                                             GFile                  *source,
                                             const char             *name,
                                             MeasuresCacheKey       *key,
                                             GError                **error);
MeasuresDataset *measures_cache_read        (GFile                  *cache,
                                             GFile                  *source,
                                             const char             *name,
                                             MeasuresCacheKey       *key,
                                             GError                **error);
GBytes          *measures_cache_serialize   (MeasuresDataset        *dataset,
                                             const MeasuresCacheKey *key);
gboolean         measures_cache_write       (GFile                  *cache,
                                             MeasuresDataset        *dataset,
                                             const MeasuresCacheKey *key,
                                             GError                **error);
gboolean         measures_cache_is_enabled  (void);

G_END_DECLS
