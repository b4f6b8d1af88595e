/* measures-record-reader.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-record-reader"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "measures-measure-private.h"
#include "measures-record-reader-private.h"
#include "measures-utf8-private.h"

/* Reads one record of a dataset straight into a measure, without building
 * a json-glib tree of it, when the record is plain: strict JSON whose
 * known keys each come once with a value of the right kind. Anything else
 * (another escape, a control character in a text, a number a year is not
 * plainly written as, a key given twice, a value of the wrong kind, no
 * country) makes it give up, and the loader reads that record with
 * json-glib, as before, for the same measure or the same message. So it
 * needs to read exactly as json-glib reads only what it accepts.
 *
 * The text of a record is in valid UTF-8 (the loader checks the file
 * whole), nested no deeper than the loader allows, and has no escape
 * json-glib would read otherwise (the loader's scan patches them, and
 * sends the records that had them to json-glib). Texts are unescaped
 * into a buffer of the reader's own, kept until the record is built;
 * the values of unknown keys become the nodes json-glib would make of
 * them, in the same order.
 */

typedef enum
{
  KEY_ID,
  KEY_COUNTRY,
  KEY_REGION,
  KEY_YEAR,
  KEY_TYPES,
  KEY_FORMS,
  KEY_TITLE,
  KEY_TITLE_DERIVED,
  KEY_DESCRIPTION,
  KEY_FULL_TEXT,
  KEY_SOURCE,
  KEY_MORE_INFO,
  KEY_CLASSIFICATION,
  KEY_URL,
  N_KEYS,
  KEY_UNKNOWN = N_KEYS,
} Key;

static const char * const key_names[N_KEYS] = {
  [KEY_ID] = "id",
  [KEY_COUNTRY] = "country",
  [KEY_REGION] = "region",
  [KEY_YEAR] = "year",
  [KEY_TYPES] = "types",
  [KEY_FORMS] = "forms",
  [KEY_TITLE] = "title",
  [KEY_TITLE_DERIVED] = "title_derived",
  [KEY_DESCRIPTION] = "description",
  [KEY_FULL_TEXT] = "full_text",
  [KEY_SOURCE] = "source",
  [KEY_MORE_INFO] = "more_info",
  [KEY_CLASSIFICATION] = "classification",
  [KEY_URL] = "url",
};

/* The localized keys, in the order of MeasuresMeasureFields.texts. */
static const Key text_keys[6] = {
  KEY_TITLE, KEY_DESCRIPTION, KEY_FULL_TEXT, KEY_SOURCE, KEY_MORE_INFO, KEY_CLASSIFICATION
};

#define NONE G_MAXSIZE
#define MAX_LIST 64         /* longer lists of types or forms go to json-glib */

/* A text of a localized value: a language and a text, as offsets into
 * the buffer; the language is NONE for a plain text. */
typedef struct
{
  gsize lang;
  gsize text;
} Pair;

/* Bytes that grow, and are cut back by setting @len. */
typedef struct
{
  guint8 *data;
  gsize len;
  gsize size;
} Buffer;

struct _MeasuresRecordReader
{
  Buffer *buffer;           /* the unescaped texts of one record, each nul-ended */
  GArray *pairs;            /* Pair, of every localized key */
  guint text_start[6];      /* per localized key: its first pair, */
  guint text_count[6];      /* and how many; G_MAXUINT when absent */
  gsize strings[N_KEYS];    /* the offset of a key's text, or NONE */
  GArray *types;            /* gsize offsets */
  GArray *forms;
  int year_from;
  int year_to;
  gboolean title_derived;
  JsonObject *extra;
};

MeasuresRecordReader *
_measures_record_reader_new (void)
{
  MeasuresRecordReader *self = g_new0 (MeasuresRecordReader, 1);

  self->buffer = g_new0 (Buffer, 1);
  self->buffer->size = 16 * 1024;
  self->buffer->data = g_malloc (self->buffer->size);
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  self->types = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->forms = g_array_new (FALSE, FALSE, sizeof (gsize));

  return self;
}

void
_measures_record_reader_free (MeasuresRecordReader *self)
{
  if (self == NULL)
    return;

  g_free (self->buffer->data);
  g_free (self->buffer);
  g_array_unref (self->pairs);
  g_array_unref (self->types);
  g_array_unref (self->forms);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static inline void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

/* Expects @ch after any white space. */
static inline gboolean
expect (Cursor *c,
        char    ch)
{
  skip_space (c);
  if (c->p >= c->end || *c->p != ch)
    return FALSE;
  c->p++;
  return TRUE;
}

static inline gboolean
peek (Cursor *c,
      char    ch)
{
  skip_space (c);
  return c->p < c->end && *c->p == ch;
}

static inline int
hex_digit (char ch)
{
  guchar c = ch;

  if ((guint) (c - '0') < 10)
    return c - '0';
  c |= 0x20;
  if ((guint) (c - 'a') < 6)
    return c - 'a' + 10;

  return -1;
}

static gboolean
read_hex4 (Cursor  *c,
           guint32 *value)
{
  *value = 0;
  if (c->end - c->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_digit (c->p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  c->p += 4;
  return TRUE;
}

/* Reads a string at the cursor into the buffer, unescaped and nul-ended;
 * its offset in *@offset. FALSE for what json-glib should read. */
static gboolean
read_string (MeasuresRecordReader *self,
             Cursor               *c,
             gsize                *offset)
{
  Buffer *buffer = self->buffer;
  gsize start = buffer->len;
  guint8 *out;

  skip_space (c);
  if (c->p >= c->end || *c->p != '"')
    return FALSE;
  c->p++;
  *offset = start;

  /* A text unescaped is never longer than it is written: room for the
   * rest of the record, and a nul, is room enough. */
  if (start + (c->end - c->p) + 1 > buffer->size)
    {
      buffer->size = MAX (2 * buffer->size, start + (c->end - c->p) + 1);
      buffer->data = g_realloc (buffer->data, buffer->size);
    }
  out = buffer->data + start;

  for (;;)
    {
      const char *run = c->p;

      /* Plain bytes, most of any text, eight at a time, then in one copy:
       * the first byte found that is a quote, a backslash or a control
       * character is one (a borrow can only mark bytes after it). */
      while (c->end - c->p >= 8)
        {
          guint64 word, special;

          memcpy (&word, c->p, 8);
          special = _measures_zero_bytes (word ^ G_GUINT64_CONSTANT (0x2222222222222222)) |
                    _measures_zero_bytes (word ^ G_GUINT64_CONSTANT (0x5C5C5C5C5C5C5C5C)) |
                    ((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word &
                     G_GUINT64_CONSTANT (0x8080808080808080));
          if (special != 0)
            {
              c->p += __builtin_ctzll (special) >> 3;
              break;
            }
          c->p += 8;
        }
      while (c->p < c->end && *c->p != '"' && *c->p != '\\' && (guchar) *c->p >= 0x20)
        c->p++;
      memcpy (out, run, c->p - run);
      out += c->p - run;

      if (c->p >= c->end || (guchar) *c->p < 0x20)
        break;

      if (*c->p == '"')
        {
          c->p++;
          *out++ = '\0';
          buffer->len = out - buffer->data;
          return TRUE;
        }

      /* An escape. */
      if (c->end - c->p < 2)
        break;
      c->p++;
      switch (*c->p++)
        {
        case '"':
          *out++ = '"';
          continue;
        case '\\':
          *out++ = '\\';
          continue;
        case '/':
          *out++ = '/';
          continue;
        case 'b':
          *out++ = '\b';
          continue;
        case 'f':
          *out++ = '\f';
          continue;
        case 'n':
          *out++ = '\n';
          continue;
        case 'r':
          *out++ = '\r';
          continue;
        case 't':
          *out++ = '\t';
          continue;
        case 'u':
          {
            guint32 unit;

            if (!read_hex4 (c, &unit))
              break;
            /* \u0000 and half pairs never reach here (the scan sends
             * their records to json-glib); a whole pair is one
             * character. */
            if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
              break;
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                guint32 low;

                if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u')
                  break;
                c->p += 2;
                if (!read_hex4 (c, &low) || low < 0xDC00 || low > 0xDFFF)
                  break;
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            out += g_unichar_to_utf8 (unit, (char *) out);
            continue;
          }
        default:
          break;
        }
      break;
    }

  buffer->len = start;
  return FALSE;
}

static inline const char *
text_at (MeasuresRecordReader *self,
         gsize                 offset)
{
  return (const char *) self->buffer->data + offset;
}

/* A literal such as "true", which must not run on into a word. */
static gboolean
read_literal (Cursor     *c,
              const char *word)
{
  gsize len = strlen (word);

  skip_space (c);
  if ((gsize) (c->end - c->p) < len || memcmp (c->p, word, len) != 0)
    return FALSE;
  if ((gsize) (c->end - c->p) > len && g_ascii_isalnum (c->p[len]))
    return FALSE;
  c->p += len;
  return TRUE;
}

/* null, which stands for an absent key. */
static gboolean
read_null (Cursor *c)
{
  Cursor probe = *c;

  if (!read_literal (&probe, "null"))
    return FALSE;
  *c = probe;
  return TRUE;
}

/* A year written plainly: a whole number of at most four digits, no
 * sign, no leading zero; anything else goes to json-glib. */
static gboolean
read_year (Cursor *c,
           int    *year)
{
  const char *start;
  int value = 0;
  guint digits = 0;

  skip_space (c);
  start = c->p;
  while (c->p < c->end && g_ascii_isdigit (*c->p) && digits < 5)
    {
      value = value * 10 + (*c->p - '0');
      c->p++;
      digits++;
    }
  if (digits == 0 || digits > 4 || (digits > 1 && *start == '0'))
    return FALSE;
  if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E' || g_ascii_isalnum (*c->p)))
    return FALSE;
  if (value < MEASURES_YEAR_MIN || value > MEASURES_YEAR_MAX)
    return FALSE;

  *year = value;
  return TRUE;
}

/* Skips any JSON value, checking it as strictly as the rest. */
static gboolean
skip_value (MeasuresRecordReader *self,
            Cursor               *c,
            guint                 depth)
{
  gsize mark = self->buffer->len;
  gsize ignored;

  if (depth > 64)
    return FALSE;

  skip_space (c);
  if (c->p >= c->end)
    return FALSE;

  switch (*c->p)
    {
    case '"':
      if (!read_string (self, c, &ignored))
        return FALSE;
      self->buffer->len = mark;
      return TRUE;
    case '{':
      c->p++;
      if (peek (c, '}'))
        return expect (c, '}');
      do
        {
          if (!read_string (self, c, &ignored) || !expect (c, ':') || !skip_value (self, c, depth + 1))
            return FALSE;
          self->buffer->len = mark;
        }
      while (expect (c, ','));
      return expect (c, '}');
    case '[':
      c->p++;
      if (peek (c, ']'))
        return expect (c, ']');
      do
        if (!skip_value (self, c, depth + 1))
          return FALSE;
      while (expect (c, ','));
      return expect (c, ']');
    case 't':
      return read_literal (c, "true");
    case 'f':
      return read_literal (c, "false");
    case 'n':
      return read_literal (c, "null");
    default:
      {
        /* A number as JSON writes it: json-glib reads it, if it is kept. */
        const char *start = c->p;

        if (*c->p == '-')
          c->p++;
        if (c->p >= c->end || !g_ascii_isdigit (*c->p))
          return FALSE;
        if (*c->p == '0' && c->p + 1 < c->end && g_ascii_isdigit (c->p[1]))
          return FALSE;
        while (c->p < c->end && g_ascii_isdigit (*c->p))
          c->p++;
        if (c->p < c->end && *c->p == '.')
          {
            c->p++;
            if (c->p >= c->end || !g_ascii_isdigit (*c->p))
              return FALSE;
            while (c->p < c->end && g_ascii_isdigit (*c->p))
              c->p++;
          }
        if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
          {
            c->p++;
            if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
              c->p++;
            if (c->p >= c->end || !g_ascii_isdigit (*c->p))
              return FALSE;
            while (c->p < c->end && g_ascii_isdigit (*c->p))
              c->p++;
          }
        return c->p > start && (c->p >= c->end || !g_ascii_isalnum (*c->p));
      }
    }
}

/* A number as JSON writes it, as json-glib reads it: a whole number of
 * at most 18 digits as an integer, anything with a fraction or an
 * exponent as a double; others (larger, or out of the range of a double)
 * go to json-glib. FALSE for those. */
static gboolean
parse_number (Cursor   *c,
              gboolean *integer,
              gint64   *whole,
              double   *value)
{
  const char *start = c->p;
  guint digits = 0;
  char buf[64];
  char *end = NULL;

  *integer = TRUE;
  if (c->p < c->end && *c->p == '-')
    c->p++;
  if (c->p >= c->end || !g_ascii_isdigit (*c->p))
    return FALSE;
  if (*c->p == '0' && c->p + 1 < c->end && g_ascii_isdigit (c->p[1]))
    return FALSE;
  for (; c->p < c->end && g_ascii_isdigit (*c->p); c->p++)
    digits++;
  if (c->p < c->end && *c->p == '.')
    {
      *integer = FALSE;
      c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return FALSE;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      *integer = FALSE;
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return FALSE;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  if ((c->p < c->end && g_ascii_isalnum (*c->p)) || (gsize) (c->p - start) >= sizeof buf ||
      (*integer && digits > 18))
    return FALSE;

  memcpy (buf, start, c->p - start);
  buf[c->p - start] = '\0';
  if (*integer)
    {
      *whole = g_ascii_strtoll (buf, NULL, 10);
      return TRUE;
    }

  errno = 0;
  *value = g_ascii_strtod (buf, &end);
  return errno == 0 && end == buf + (c->p - start) && isfinite (*value);
}

static JsonNode *
read_number (Cursor *c)
{
  gboolean integer;
  gint64 whole = 0;
  double value = 0;

  if (!parse_number (c, &integer, &whole, &value))
    return NULL;

  return integer ? json_node_init_int (json_node_alloc (), whole)
                 : json_node_init_double (json_node_alloc (), value);
}

/* Any JSON value, as json-glib's tree of it, checked as strictly as the
 * rest; NULL for what json-glib should read. */
static JsonNode *
read_node (MeasuresRecordReader *self,
           Cursor               *c,
           guint                 depth)
{
  gsize mark = self->buffer->len;
  gsize offset;

  if (depth > 64)
    return NULL;

  skip_space (c);
  if (c->p >= c->end)
    return NULL;

  switch (*c->p)
    {
    case '"':
      {
        JsonNode *node;

        if (!read_string (self, c, &offset))
          return NULL;
        node = json_node_init_string (json_node_alloc (), text_at (self, offset));
        self->buffer->len = mark;
        return node;
      }
    case '{':
      {
        g_autoptr(JsonObject) object = json_object_new ();

        c->p++;
        if (!peek (c, '}'))
          do
            {
              JsonNode *member;

              if (!read_string (self, c, &offset) || !expect (c, ':') ||
                  json_object_has_member (object, text_at (self, offset)) ||
                  (member = read_node (self, c, depth + 1)) == NULL)
                return NULL;
              json_object_set_member (object, text_at (self, offset), member);
              self->buffer->len = mark;
            }
          while (expect (c, ','));
        if (!expect (c, '}'))
          return NULL;
        return json_node_init_object (json_node_alloc (), object);
      }
    case '[':
      {
        g_autoptr(JsonArray) array = json_array_new ();

        c->p++;
        if (!peek (c, ']'))
          do
            {
              JsonNode *element = read_node (self, c, depth + 1);

              if (element == NULL)
                return NULL;
              json_array_add_element (array, element);
            }
          while (expect (c, ','));
        if (!expect (c, ']'))
          return NULL;
        return json_node_init_array (json_node_alloc (), array);
      }
    case 't':
      return read_literal (c, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (c, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (c, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number (c);
    }
}

/* Whether read_node() would read the value at the cursor, without
 * building it: the same checks, down to a key given twice in an object
 * and a number json-glib must read. Keys stay in the buffer until their
 * object ends; past a few, a table of them finds one given twice. */
#define FEW_KEYS 8

static gboolean
check_node (MeasuresRecordReader *self,
            Cursor               *c,
            guint                 depth)
{
  gsize mark = self->buffer->len;
  gsize offset;

  if (depth > 64)
    return FALSE;

  skip_space (c);
  if (c->p >= c->end)
    return FALSE;

  switch (*c->p)
    {
    case '"':
      if (!read_string (self, c, &offset))
        return FALSE;
      self->buffer->len = mark;
      return TRUE;
    case '{':
      {
        g_autoptr(GHashTable) many = NULL;
        gsize keys[FEW_KEYS];
        guint n_keys = 0;
        gboolean ok = TRUE;

        c->p++;
        if (!peek (c, '}'))
          do
            {
              const char *key;

              if (!read_string (self, c, &offset) || !expect (c, ':'))
                {
                  ok = FALSE;
                  break;
                }
              key = text_at (self, offset);
              for (guint i = 0; ok && i < n_keys; i++)
                ok = !g_str_equal (text_at (self, keys[i]), key);
              if (ok && many != NULL)
                ok = g_hash_table_add (many, g_strdup (key));
              else if (ok && n_keys < FEW_KEYS)
                keys[n_keys++] = offset;
              else if (ok)
                {
                  many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                  g_hash_table_add (many, g_strdup (key));
                }
              if (!ok || !check_node (self, c, depth + 1))
                {
                  ok = FALSE;
                  break;
                }
            }
          while (expect (c, ','));
        self->buffer->len = mark;
        return ok && expect (c, '}');
      }
    case '[':
      c->p++;
      if (!peek (c, ']'))
        do
          if (!check_node (self, c, depth + 1))
            return FALSE;
        while (expect (c, ','));
      return expect (c, ']');
    case 't':
      return read_literal (c, "true");
    case 'f':
      return read_literal (c, "false");
    case 'n':
      return read_literal (c, "null");
    default:
      {
        gboolean integer;
        gint64 whole;
        double value;

        return parse_number (c, &integer, &whole, &value);
      }
    }
}

/* A text, or null: *@offset is NONE for null and for "". */
static gboolean
read_text_or_null (MeasuresRecordReader *self,
                   Cursor               *c,
                   gsize                *offset)
{
  if (read_null (c))
    {
      *offset = NONE;
      return TRUE;
    }
  if (!read_string (self, c, offset))
    return FALSE;
  if (self->buffer->data[*offset] == '\0')
    *offset = NONE;
  return TRUE;
}

/* A text or a list of texts, as get_strv() in measures-measure.c reads
 * them: each once, empty ones left out. */
static gboolean
read_list (MeasuresRecordReader *self,
           Cursor               *c,
           GArray               *into)
{
  gsize offset;

  if (read_null (c))
    return TRUE;

  if (!peek (c, '['))
    {
      if (!read_string (self, c, &offset))
        return FALSE;
      if (self->buffer->data[offset] != '\0')
        g_array_append_val (into, offset);
      return TRUE;
    }

  c->p++;
  if (peek (c, ']'))
    return expect (c, ']');
  do
    {
      gboolean again = FALSE;

      if (!read_string (self, c, &offset) || into->len >= MAX_LIST)
        return FALSE;
      if (self->buffer->data[offset] == '\0')
        continue;
      for (guint i = 0; i < into->len && !again; i++)
        again = strcmp (text_at (self, g_array_index (into, gsize, i)), text_at (self, offset)) == 0;
      if (!again)
        g_array_append_val (into, offset);
    }
  while (expect (c, ','));

  return expect (c, ']');
}

/* A localized text: a text, or an object of texts by language, each
 * language once. An empty object, or null, is none. */
static gboolean
read_localized (MeasuresRecordReader *self,
                Cursor               *c,
                guint                 slot)
{
  Pair pair;

  self->text_start[slot] = self->pairs->len;
  self->text_count[slot] = 0;

  if (read_null (c))
    {
      self->text_count[slot] = G_MAXUINT;
      return TRUE;
    }

  if (!peek (c, '{'))
    {
      pair.lang = NONE;
      if (!read_string (self, c, &pair.text))
        return FALSE;
      g_array_append_val (self->pairs, pair);
      self->text_count[slot] = 1;
      return TRUE;
    }

  c->p++;
  if (peek (c, '}'))
    {
      self->text_count[slot] = G_MAXUINT;
      return expect (c, '}');
    }
  do
    {
      if (!read_string (self, c, &pair.lang) || !expect (c, ':') || !read_string (self, c, &pair.text))
        return FALSE;
      for (guint i = self->text_start[slot]; i < self->pairs->len; i++)
        if (strcmp (text_at (self, g_array_index (self->pairs, Pair, i).lang), text_at (self, pair.lang)) == 0)
          return FALSE;
      g_array_append_val (self->pairs, pair);
      self->text_count[slot]++;
    }
  while (expect (c, ','));

  return expect (c, '}');
}

/* The year: a whole number, "2019 - 2022", or an object with "from" and
 * perhaps "to"; its other keys are not read. */
static gboolean
read_year_value (MeasuresRecordReader *self,
                 Cursor               *c)
{
  gsize offset;
  gboolean seen_from = FALSE, seen_to = FALSE;

  self->year_from = self->year_to = MEASURES_YEAR_NONE;

  if (read_null (c))
    return TRUE;

  skip_space (c);
  if (c->p < c->end && *c->p == '"')
    {
      gsize mark = self->buffer->len;
      gboolean ok;

      if (!read_string (self, c, &offset))
        return FALSE;
      ok = self->buffer->data[offset] == '\0' ||
           measures_parse_period (text_at (self, offset), &self->year_from, &self->year_to);
      self->buffer->len = mark;
      return ok;
    }

  if (c->p < c->end && *c->p == '{')
    {
      c->p++;
      if (peek (c, '}'))
        return FALSE;           /* no “from” */
      do
        {
          gsize mark = self->buffer->len;
          gsize key;
          gboolean is_from, is_to;

          if (!read_string (self, c, &key) || !expect (c, ':'))
            return FALSE;
          is_from = strcmp (text_at (self, key), "from") == 0;
          is_to = strcmp (text_at (self, key), "to") == 0;
          self->buffer->len = mark;

          if ((is_from && seen_from) || (is_to && seen_to))
            return FALSE;
          if (is_from)
            {
              seen_from = TRUE;
              if (!read_year (c, &self->year_from))
                return FALSE;
            }
          else if (is_to)
            {
              seen_to = TRUE;
              if (read_null (c))
                continue;
              if (!read_year (c, &self->year_to))
                return FALSE;
            }
          else if (!skip_value (self, c, 1))
            return FALSE;
        }
      while (expect (c, ','));

      return expect (c, '}') && seen_from &&
             (self->year_to == MEASURES_YEAR_NONE || self->year_to >= self->year_from);
    }

  if (!read_year (c, &self->year_from))
    return FALSE;
  self->year_to = self->year_from;

  return TRUE;
}

static Key
find_key (const char *key,
          gsize       length)
{
  for (guint k = 0; k < N_KEYS; k++)
    if (strlen (key_names[k]) == length && memcmp (key_names[k], key, length) == 0)
      return k;

  return KEY_UNKNOWN;
}

/* The value of a key Measures does not know, as json-glib reads it. */
static gboolean
read_unknown (MeasuresRecordReader *self,
              Cursor               *c,
              const char           *key)
{
  JsonNode *node;

  if (self->extra == NULL)
    self->extra = json_object_new ();
  else if (json_object_has_member (self->extra, key))
    return FALSE;
  if ((node = read_node (self, c, 1)) == NULL)
    return FALSE;
  json_object_set_member (self->extra, key, node);

  return TRUE;
}

/**
 * _measures_record_reader_read_json:
 * @self: a reader, used from one thread
 * @text: JSON text
 * @length: its length
 *
 * Reads @text, when it is strict JSON that json-glib reads plainly, as
 * json-glib would (see read_node()).
 *
 * Returns: (transfer full) (nullable): json-glib's tree of @text, or
 *   %NULL: then ask json-glib
 */
JsonNode *
_measures_record_reader_read_json (MeasuresRecordReader *self,
                                   const char           *text,
                                   gsize                 length)
{
  Cursor cursor = { text, text + length };
  JsonNode *node;

  self->buffer->len = 0;
  if ((node = read_node (self, &cursor, 1)) == NULL)
    return NULL;
  skip_space (&cursor);
  if (cursor.p != cursor.end)
    {
      json_node_unref (node);
      return NULL;
    }

  return node;
}

/**
 * _measures_record_reader_check_object:
 * @self: a reader, used from one thread
 * @text: JSON text
 * @length: its length
 *
 * Whether _measures_record_reader_read_json() reads @text, and reads it
 * as an object, checked as strictly, without building its tree.
 *
 * Returns: %TRUE when it does
 */
gboolean
_measures_record_reader_check_object (MeasuresRecordReader *self,
                                      const char           *text,
                                      gsize                 length)
{
  Cursor cursor = { text, text + length };

  self->buffer->len = 0;
  if (!peek (&cursor, '{') || !check_node (self, &cursor, 1))
    return FALSE;
  skip_space (&cursor);

  return cursor.p == cursor.end;
}

static gboolean
read_record (MeasuresRecordReader *self,
             Cursor               *c)
{
  guint seen = 0;

  if (!expect (c, '{'))
    return FALSE;
  if (peek (c, '}'))
    return FALSE;               /* no country */

  do
    {
      gsize key_offset;
      Key key;
      gboolean ok;

      if (!read_string (self, c, &key_offset) || !expect (c, ':'))
        return FALSE;
      key = find_key (text_at (self, key_offset), strlen (text_at (self, key_offset)));

      if (key == KEY_UNKNOWN)
        {
          g_autofree char *name = g_strdup (text_at (self, key_offset));

          self->buffer->len = key_offset;
          if (!read_unknown (self, c, name))
            return FALSE;
          continue;
        }

      self->buffer->len = key_offset;
      if (seen & (1u << key))
        return FALSE;
      seen |= 1u << key;

      switch (key)
        {
        case KEY_ID:
        case KEY_COUNTRY:
        case KEY_REGION:
        case KEY_URL:
          ok = read_text_or_null (self, c, &self->strings[key]);
          break;
        case KEY_YEAR:
          ok = read_year_value (self, c);
          break;
        case KEY_TYPES:
          ok = read_list (self, c, self->types);
          break;
        case KEY_FORMS:
          ok = read_list (self, c, self->forms);
          break;
        case KEY_TITLE_DERIVED:
          if (read_literal (c, "true"))
            self->title_derived = ok = TRUE;
          else
            ok = read_literal (c, "false") || read_null (c);
          break;
        case KEY_TITLE:
        case KEY_DESCRIPTION:
        case KEY_FULL_TEXT:
        case KEY_SOURCE:
        case KEY_MORE_INFO:
        case KEY_CLASSIFICATION:
        default:
          ok = FALSE;
          for (guint slot = 0; slot < G_N_ELEMENTS (text_keys); slot++)
            if (text_keys[slot] == key)
              ok = read_localized (self, c, slot);
          break;
        }
      if (!ok)
        return FALSE;
    }
  while (expect (c, ','));

  if (!expect (c, '}'))
    return FALSE;
  skip_space (c);

  return c->p == c->end;
}

static void
reset (MeasuresRecordReader *self)
{
  self->buffer->len = 0;
  g_array_set_size (self->pairs, 0);
  g_array_set_size (self->types, 0);
  g_array_set_size (self->forms, 0);
  for (guint i = 0; i < N_KEYS; i++)
    self->strings[i] = NONE;
  for (guint i = 0; i < G_N_ELEMENTS (self->text_count); i++)
    self->text_count[i] = G_MAXUINT;
  self->year_from = self->year_to = MEASURES_YEAR_NONE;
  self->title_derived = FALSE;
  g_clear_pointer (&self->extra, json_object_unref);
}

static const char *
string_of (MeasuresRecordReader *self,
           Key                   key)
{
  return self->strings[key] != NONE ? text_at (self, self->strings[key]) : NULL;
}

/**
 * _measures_record_reader_read:
 * @self: a reader, used from one thread
 * @data: the text of one record, from its “{” to its “}”
 * @length: its length
 * @strings: where the measure keeps its strings
 *
 * Returns: (transfer full) (nullable): the measure, or %NULL when the
 *   record is not plain, or cannot be a measure: json-glib must read it
 */
MeasuresMeasure *
_measures_record_reader_read (MeasuresRecordReader *self,
                              const char           *data,
                              gsize                 length,
                              MeasuresStrings      *strings)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) forms = NULL;
  MeasuresMeasureFields fields = { NULL, };
  Cursor cursor = { data, data + length };
  MeasuresMeasure *measure;

  reset (self);
  if (!read_record (self, &cursor) || string_of (self, KEY_COUNTRY) == NULL)
    return NULL;

  fields.id = string_of (self, KEY_ID);
  fields.country = string_of (self, KEY_COUNTRY);
  fields.region = string_of (self, KEY_REGION);
  fields.url = string_of (self, KEY_URL);
  fields.year_from = self->year_from;
  fields.year_to = self->year_to;
  fields.title_derived = self->title_derived;
  fields.types = types = g_ptr_array_sized_new (self->types->len);
  fields.forms = forms = g_ptr_array_sized_new (self->forms->len);
  for (guint i = 0; i < self->types->len; i++)
    g_ptr_array_add (types, (gpointer) text_at (self, g_array_index (self->types, gsize, i)));
  for (guint i = 0; i < self->forms->len; i++)
    g_ptr_array_add (forms, (gpointer) text_at (self, g_array_index (self->forms, gsize, i)));

  for (guint slot = 0; slot < G_N_ELEMENTS (text_keys); slot++)
    {
      MeasuresLocalized *localized;

      if (self->text_count[slot] == G_MAXUINT)
        continue;
      localized = measures_localized_new_in (strings);
      for (guint i = 0; i < self->text_count[slot]; i++)
        {
          const Pair *pair = &g_array_index (self->pairs, Pair, self->text_start[slot] + i);

          measures_localized_set (localized,
                                  pair->lang != NONE ? text_at (self, pair->lang) : MEASURES_LANG_NEUTRAL,
                                  text_at (self, pair->text));
        }
      fields.texts[slot] = localized;
    }
  fields.extra = g_steal_pointer (&self->extra);

  measure = _measures_measure_new_from_fields (strings, &fields, NULL);
  g_clear_pointer (&fields.extra, json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (fields.texts); i++)
    g_clear_pointer (&fields.texts[i], measures_localized_unref);

  return measure;
}
