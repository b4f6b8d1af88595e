/* measures-utf8-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-cache.h"

G_BEGIN_DECLS

/* The end of the character of more than a byte that starts at @p, or
 * NULL when it is not valid UTF-8 as GLib has it (no overlong forms, no
 * surrogates, nothing past U+10FFFF) or does not end before @end. */
static inline const guchar *
_measures_utf8_next (const guchar *p,
                     const guchar *end)
{
  guchar c = p[0], lo = 0x80, hi = 0xBF;

  if (c >= 0xC2 && c <= 0xDF)
    return end - p >= 2 && (p[1] & 0xC0) == 0x80 ? p + 2 : NULL;

  if (c >= 0xE0 && c <= 0xEF)
    {
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
      return end - p >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? p + 3 : NULL;
    }

  if (c >= 0xF0 && c <= 0xF4)
    {
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
      return end - p >= 4 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 &&
             (p[3] & 0xC0) == 0x80 ? p + 4 : NULL;
    }

  return NULL;
}

/* A byte with the high bit set for each zero byte of @word, and only
 * for those. */
static inline guint64
_measures_zero_bytes (guint64 word)
{
  guint64 low = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);

  return ~(((word & low) + low) | word | low);
}

gboolean _measures_utf8_check_strings (const char          *blob,
                                       gsize                length,
                                       guint64             *starts,
                                       MeasuresFingerprint *checksum,
                                       void               (*release)(const char *data,
                                                                     gsize       length),
                                       gboolean             plain);

G_END_DECLS
