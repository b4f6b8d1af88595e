/* measures-fingerprint.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cache"

#include "config.h"

#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "measures-cache.h"
#include "measures-file.h"

#define SLICE ((gsize) 16 * 1024 * 1024)

/* The fingerprint of a dataset file that its cache must match, and the
 * checksum of a cache: a fast 64-bit hash of contents. */

/**
 * measures_cache_fingerprint:
 *
 * A fast 64-bit hash of a file's contents, so that a file changed without
 * a change of size or time is noticed. It is not cryptographic: the cache
 * is checked as untrusted input anyway.
 */
guint64
measures_cache_fingerprint (const char *data,
                            gsize       length)
{
  MeasuresFingerprint fingerprint;

  measures_fingerprint_init (&fingerprint);
  measures_fingerprint_update (&fingerprint, data, length);

  return measures_fingerprint_end (&fingerprint);
}

/* Four independent lanes of multiply-and-mix over 32-byte blocks, so that
 * the processor overlaps them. */
#define K G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)

static inline guint64
mix (guint64 h,
     guint64 word)
{
  h = (h ^ word) * K;
  return h ^ (h >> 31);
}

void
measures_fingerprint_init (MeasuresFingerprint *self)
{
  memset (self, 0, sizeof *self);
  for (guint i = 0; i < 4; i++)
    self->lanes[i] = G_GUINT64_CONSTANT (0x243F6A8885A308D3) + i;
}

void
measures_fingerprint_update (MeasuresFingerprint *self,
                             const char          *data,
                             gsize                length)
{
  if (length == 0)
    return;

  self->length += length;

  /* Finish a block begun by an earlier call. */
  while (self->n_pending > 0 && self->n_pending < 32 && length > 0)
    {
      self->pending[self->n_pending++] = *data++;
      length--;
    }
  if (self->n_pending == 32)
    {
      for (guint i = 0; i < 4; i++)
        {
          guint64 word;

          memcpy (&word, self->pending + 8 * i, 8);
          self->lanes[i] = mix (self->lanes[i], word);
        }
      self->n_pending = 0;
    }

  for (; length >= 32; data += 32, length -= 32)
    {
      guint64 w[4];

      memcpy (w, data, 32);
      self->lanes[0] = mix (self->lanes[0], w[0]);
      self->lanes[1] = mix (self->lanes[1], w[1]);
      self->lanes[2] = mix (self->lanes[2], w[2]);
      self->lanes[3] = mix (self->lanes[3], w[3]);
    }

  memcpy (self->pending + self->n_pending, data, length);
  self->n_pending += length;
}

guint64
measures_fingerprint_end (MeasuresFingerprint *self)
{
  guint64 h = self->length * K;

  for (guint i = 0; i < self->n_pending; i++)
    h = mix (h, (guchar) self->pending[i]);
  for (guint i = 0; i < 4; i++)
    h = mix (h, self->lanes[i]);

  return h ^ (h >> 29);
}

/**
 * measures_cache_fingerprint_file:
 *
 * The fingerprint of a file's contents, read a block at a time.
 */
gboolean
measures_cache_fingerprint_file (GFile         *file,
                                 GCancellable  *cancellable,
                                 guint64       *fingerprint,
                                 guint64       *size,
                                 GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  MeasuresFingerprint state;
  gssize got;

  measures_fingerprint_init (&state);

#ifdef G_OS_UNIX
  /* A local file is mapped, as the loader maps it: hashed where the page
   * cache has it, without copying it into a buffer first, 16 MB at a
   * time, each given back once hashed. A file changed meanwhile (cut
   * short, or written to) has no fingerprint. */
  if (g_file_peek_path (file) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      gboolean mapped;
      const char *data;
      gsize length;

      if ((bytes = measures_file_map (file, G_MAXUINT64, cancellable, &mapped, error)) == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &length);
      for (gsize done = 0; done < length; done += MIN (length - done, SLICE))
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          measures_fingerprint_update (&state, data + done, MIN (length - done, SLICE));
          if (mapped)
            measures_file_release (data + done, MIN (length - done, SLICE));
        }
      if (mapped && !measures_file_map_is_unchanged (bytes))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the file changed while it was read");
          return FALSE;
        }

      *size = state.length;
      *fingerprint = measures_fingerprint_end (&state);

      return TRUE;
    }
#endif

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return FALSE;
  buffer = g_malloc (1024 * 1024);
  while ((got = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 1024 * 1024, cancellable, error)) > 0)
    measures_fingerprint_update (&state, buffer, got);
  if (got < 0)
    return FALSE;

  *size = state.length;
  *fingerprint = measures_fingerprint_end (&state);

  return TRUE;
}
