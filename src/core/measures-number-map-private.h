/* measures-number-map-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers (string offsets, pointers) to numbers, by open addressing: for
 * the few lookups every record of a load makes, where a GHashTable's
 * calls and buckets were a tenth of a warm load. Key 0 is never a key,
 * and marks a free slot; a value of 0 reads as none. */
typedef struct
{
  guint64 *keys;
  guint32 *values;
  guint bits;
  guint n;
} MeasuresNumberMap;

static inline void
measures_number_map_init (MeasuresNumberMap *map)
{
  map->bits = 8;
  map->n = 0;
  map->keys = g_new0 (guint64, (gsize) 1 << map->bits);
  map->values = g_new0 (guint32, (gsize) 1 << map->bits);
}

static inline void
measures_number_map_clear (MeasuresNumberMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
}

static inline gsize
measures_number_map_slot (const MeasuresNumberMap *map,
                          guint64                  key)
{
  gsize mask = ((gsize) 1 << map->bits) - 1;
  gsize slot = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - map->bits));

  while (map->keys[slot] != 0 && map->keys[slot] != key)
    slot = (slot + 1) & mask;

  return slot;
}

/* The value of @key, or 0. */
static inline guint32
measures_number_map_get (const MeasuresNumberMap *map,
                         guint64                  key)
{
  gsize slot = measures_number_map_slot (map, key);

  return key != 0 && map->keys[slot] == key ? map->values[slot] : 0;
}

static inline void
measures_number_map_put (MeasuresNumberMap *map,
                         guint64            key,
                         guint32            value)
{
  gsize slot;

  g_return_if_fail (key != 0);

  if ((map->n + 1) * 2 > ((gsize) 1 << map->bits))
    {
      MeasuresNumberMap bigger = { NULL, NULL, map->bits + 1, 0 };

      bigger.keys = g_new0 (guint64, (gsize) 1 << bigger.bits);
      bigger.values = g_new0 (guint32, (gsize) 1 << bigger.bits);
      for (gsize i = 0; i < ((gsize) 1 << map->bits); i++)
        if (map->keys[i] != 0)
          {
            gsize at = measures_number_map_slot (&bigger, map->keys[i]);

            bigger.keys[at] = map->keys[i];
            bigger.values[at] = map->values[i];
            bigger.n++;
          }
      measures_number_map_clear (map);
      *map = bigger;
    }

  slot = measures_number_map_slot (map, key);
  if (map->keys[slot] == 0)
    map->n++;
  map->keys[slot] = key;
  map->values[slot] = value;
}

G_END_DECLS
