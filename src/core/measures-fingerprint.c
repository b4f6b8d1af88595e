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
#include "measures-file-private.h"

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
  g_autofree char *buffer = g_malloc (1024 * 1024);
  MeasuresFingerprint state;
  gssize got;

  measures_fingerprint_init (&state);

#ifdef G_OS_UNIX
  /* As measures_file_read_all(): only a regular file, never waiting. */
  if (g_file_peek_path (file) != NULL)
    {
      guint64 ignored;
      int fd = _measures_file_open_regular (g_file_peek_path (file), &ignored, error);

      if (fd < 0)
        return FALSE;

      while ((got = _measures_file_read_some (fd, buffer, 1024 * 1024, cancellable, error)) > 0)
        measures_fingerprint_update (&state, buffer, got);
      close (fd);
      if (got < 0)
        return FALSE;

      *size = state.length;
      *fingerprint = measures_fingerprint_end (&state);

      return TRUE;
    }
#endif

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return FALSE;
  while ((got = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 1024 * 1024, cancellable, error)) > 0)
    measures_fingerprint_update (&state, buffer, got);
  if (got < 0)
    return FALSE;

  *size = state.length;
  *fingerprint = measures_fingerprint_end (&state);

  return TRUE;
}
