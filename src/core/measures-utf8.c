/* measures-utf8.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cache"

#include "config.h"

#include <string.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

#include "measures-utf8-private.h"

/* Checking the strings of a cache: that they are UTF-8, and where each
 * starts (after each nul). A warm load checks every byte of its text, so
 * this is its largest cost after building records: on processors with
 * AVX2, 32 bytes at a time with the lookup tables of Keiser and Lemire
 * ("Validating UTF-8 in less than one instruction per byte", 2021, as
 * simdjson and simdutf check), else eight at a time through ASCII and a
 * character at a time otherwise. Both say the same: GLib's UTF-8 (no
 * overlong forms, no surrogates, nothing past U+10FFFF); test-text
 * compares them on every short sequence. The checksum of the same bytes
 * is taken slice by slice as they are checked, while they are in the
 * processor's cache. */

#define SLICE ((gsize) 64 * 1024)

static inline void
set_start (guint64 *starts,
           gsize    offset)
{
  starts[offset >> 6] |= G_GUINT64_CONSTANT (1) << (offset & 63);
}

/* The plain way, from @p to @end; @base is where offsets count from. */
static gboolean
check_plain (const guchar *base,
             const guchar *p,
             const guchar *end,
             guint64      *starts)
{
  while (p < end)
    {
      /* Eight bytes at a time: the ASCII ones, up to a character of more
       * than a byte, which is then checked. */
      while (end - p >= 8)
        {
          guint64 word, high, zeros;
          guint ascii;

          memcpy (&word, p, 8);
          high = word & G_GUINT64_CONSTANT (0x8080808080808080);
          ascii = high != 0 ? __builtin_ctzll (high) >> 3 : 8;

          /* A string starts after each nul. */
          zeros = _measures_zero_bytes (word);
          if (ascii < 8)
            zeros &= (G_GUINT64_CONSTANT (1) << (8 * ascii)) - 1;
          for (; zeros != 0; zeros &= zeros - 1)
            set_start (starts, (p - base) + (__builtin_ctzll (zeros) >> 3) + 1);

          /* Then the characters of more than a byte that follow. */
          p += ascii;
          if (ascii < 8)
            do
              if ((p = _measures_utf8_next (p, end)) == NULL)
                return FALSE;
            while (p < end && *p >= 0x80);
        }
      if (p == end)
        break;

      if (*p < 0x80)
        {
          if (*p == '\0')
            set_start (starts, p + 1 - base);
          p++;
          continue;
        }

      if ((p = _measures_utf8_next (p, end)) == NULL)
        return FALSE;
    }

  return TRUE;
}

#ifdef HAVE_AVX2_PATH

#define AVX2 __attribute__ ((target ("avx2")))

/* What may be wrong with two bytes in a row, from the first's high and
 * low nibbles and the second's high nibble: each table gives the errors
 * its nibble allows, and a pair is wrong where all three agree. */
#define TOO_SHORT (1 << 0)      /* 11______ then 0_______ or 11______ */
#define TOO_LONG (1 << 1)       /* 0_______ then 10______ */
#define OVERLONG_3 (1 << 2)     /* 11100000 100_____ */
#define TOO_LARGE (1 << 3)      /* 11110100 1001____ and above */
#define SURROGATE (1 << 4)      /* 11101101 101_____ */
#define OVERLONG_2 (1 << 5)     /* 1100000_ 10______ */
#define TOO_LARGE_1000 (1 << 6) /* 11110101+ 1000____ */
#define OVERLONG_4 (1 << 6)     /* 11110000 1000____ */
#define TWO_CONTS (1 << 7)      /* 10______ 10______ */
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

AVX2 static inline __m256i
table (guchar a, guchar b, guchar c, guchar d, guchar e, guchar f, guchar g, guchar h,
       guchar i, guchar j, guchar k, guchar l, guchar m, guchar n, guchar o, guchar p)
{
  const guchar bytes[32] = { a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p,
                             a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p };

  return _mm256_loadu_si256 ((const void *) bytes);
}

/* @input moved on by @n bytes, with the last bytes of @previous first. */
#define PREVIOUS(input, previous, n) \
  _mm256_alignr_epi8 ((input), _mm256_permute2x128_si256 ((previous), (input), 0x21), 16 - (n))

AVX2 static inline __m256i
high_nibbles (__m256i v)
{
  return _mm256_and_si256 (_mm256_srli_epi16 (v, 4), _mm256_set1_epi8 (0x0F));
}

/* The errors of one block of 32 bytes after @previous: none is zero. */
AVX2 static inline __m256i
block_errors (__m256i input,
              __m256i previous)
{
  const __m256i byte_1_high = table (TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
                                     TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
                                     TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
                                     TOO_SHORT | OVERLONG_2,
                                     TOO_SHORT,
                                     TOO_SHORT | OVERLONG_3 | SURROGATE,
                                     TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  const __m256i byte_1_low = table (CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
                                    CARRY | OVERLONG_2,
                                    CARRY,
                                    CARRY,
                                    CARRY | TOO_LARGE,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000,
                                    CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i byte_2_high = table (TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                                     TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                                     TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
                                     TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
                                     TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                                     TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                                     TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  __m256i prev1 = PREVIOUS (input, previous, 1);
  __m256i prev2 = PREVIOUS (input, previous, 2);
  __m256i prev3 = PREVIOUS (input, previous, 3);
  __m256i special = _mm256_and_si256 (_mm256_and_si256 (_mm256_shuffle_epi8 (byte_1_high, high_nibbles (prev1)),
                                                        _mm256_shuffle_epi8 (byte_1_low,
                                                                             _mm256_and_si256 (prev1,
                                                                                               _mm256_set1_epi8 (0x0F)))),
                                      _mm256_shuffle_epi8 (byte_2_high, high_nibbles (input)));
  /* The third and fourth bytes of a character must be continuations:
   * only 111_____ two bytes back, or 1111____ three back, reach 0x80. */
  __m256i third = _mm256_subs_epu8 (prev2, _mm256_set1_epi8 ((char) (0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8 (prev3, _mm256_set1_epi8 ((char) (0xF0 - 0x80)));
  __m256i must_continue = _mm256_and_si256 (_mm256_or_si256 (third, fourth), _mm256_set1_epi8 ((char) 0x80));

  return _mm256_xor_si256 (must_continue, special);
}

/* Whether a block ends inside a character. */
AVX2 static inline __m256i
incomplete (__m256i input)
{
  const __m256i most = _mm256_setr_epi8 (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                         -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                         (char) (0xF0 - 1), (char) (0xE0 - 1), (char) (0xC0 - 1));

  return _mm256_subs_epu8 (input, most);
}

typedef struct
{
  __m256i previous;
  __m256i incomplete;
  __m256i errors;
} State;

/* @length bytes at @p, a multiple of 32 bytes from @base. */
AVX2 static void
check_blocks (State        *state,
              const guchar *base,
              const guchar *p,
              gsize         length,
              guint64      *starts)
{
  const __m256i zero = _mm256_setzero_si256 ();

  for (gsize done = 0; done < length; done += 32, p += 32)
    {
      guchar padded[32];
      __m256i input;
      guint64 nuls;
      gsize offset = p - base;

      if (length - done < 32)
        {
          memset (padded, 0, sizeof padded);
          memcpy (padded, p, length - done);
          input = _mm256_loadu_si256 ((const void *) padded);
        }
      else
        input = _mm256_loadu_si256 ((const void *) p);

      /* A string starts after each nul: the bit of the next offset. */
      nuls = (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (input, zero));
      if (length - done < 32)
        nuls &= (G_GUINT64_CONSTANT (1) << (length - done)) - 1;
      if (nuls != 0)
        {
          nuls <<= 1;
          starts[offset >> 6] |= nuls << (offset & 63);
          if ((offset & 63) != 0 && (nuls >> (64 - (offset & 63))) != 0)
            starts[(offset >> 6) + 1] |= nuls >> (64 - (offset & 63));
        }

      if (_mm256_movemask_epi8 (input) == 0)
        state->errors = _mm256_or_si256 (state->errors, state->incomplete);
      else
        {
          state->errors = _mm256_or_si256 (state->errors, block_errors (input, state->previous));
          state->incomplete = incomplete (input);
        }
      state->previous = input;
    }
}

AVX2 static gboolean
check_avx2 (const guchar        *p,
            gsize                length,
            guint64             *starts,
            MeasuresFingerprint *checksum,
            void               (*release)(const char *data,
                                          gsize       length))
{
  State state = { _mm256_setzero_si256 (), _mm256_setzero_si256 (), _mm256_setzero_si256 () };
  const guchar *base = p, *released = p;

  for (gsize done = 0; done < length; done += SLICE)
    {
      gsize slice = MIN (SLICE, length - done);

      check_blocks (&state, base, base + done, slice, starts);
      if (checksum != NULL)
        measures_fingerprint_update (checksum, (const char *) base + done, slice);
      if (release != NULL && (gsize) (base + done + slice - released) >= 256 * SLICE)
        {
          release ((const char *) released, base + done + slice - released);
          released = base + done + slice;
        }
      /* Stop at the first slice found wrong. */
      if (!_mm256_testz_si256 (state.errors, state.errors))
        return FALSE;
    }

  state.errors = _mm256_or_si256 (state.errors, state.incomplete);

  return _mm256_testz_si256 (state.errors, state.errors);
}

#endif

/**
 * _measures_utf8_check_strings:
 * @blob: strings, each ended by a nul
 * @length: the length of @blob
 * @starts: a bit for each byte of @blob, and one more word, all zero:
 *   set where a string starts (after each nul, and at 0)
 * @checksum: (nullable): given every byte of @blob in order
 * @release: (nullable): called on what has been checked, a few MB at a
 *   time
 * @plain: check the plain way, even where AVX2 is there (for tests)
 *
 * Returns: whether @blob is valid UTF-8; @starts and @checksum are of no
 *   use if not
 */
gboolean
_measures_utf8_check_strings (const char          *blob,
                              gsize                length,
                              guint64             *starts,
                              MeasuresFingerprint *checksum,
                              void               (*release)(const char *data,
                                                            gsize       length),
                              gboolean             plain)
{
  const guchar *p = (const guchar *) blob;

  if (length == 0)
    return TRUE;
  starts[0] |= 1;

#ifdef HAVE_AVX2_PATH
  if (!plain && __builtin_cpu_supports ("avx2"))
    return check_avx2 (p, length, starts, checksum, release);
#endif

  /* Slice by slice, each ended where a character starts. */
  for (gsize done = 0; done < length;)
    {
      gsize slice = MIN (SLICE, length - done);

      while (done + slice < length && (p[done + slice] & 0xC0) == 0x80 && slice < SLICE + 4)
        slice++;
      if (!check_plain (p, p + done, p + done + slice, starts))
        return FALSE;
      if (checksum != NULL)
        measures_fingerprint_update (checksum, blob + done, slice);
      if (release != NULL)
        release (blob + done, slice);
      done += slice;
    }

  return TRUE;
}
