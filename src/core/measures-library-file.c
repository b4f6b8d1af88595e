/* measures-library-file.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "measures-file.h"
#include "measures-library-private.h"
#include "measures-text.h"

/* The parts of a library and its file: the document written and read
 * back, the writer that threads share, and setting aside a file that
 * cannot be read. Nothing here calls the library's own functions. */

/* The largest library read: a user's notes are far smaller. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

G_DEFINE_QUARK (measures-library-error-quark, measures_library_error)

/* Parts */

MeasuresLibraryCollection *
_measures_library_collection_new (const char *id,
                                  const char *name)
{
  MeasuresLibraryCollection *collection = g_new0 (MeasuresLibraryCollection, 1);

  collection->id = g_strdup (id);
  collection->name = g_strdup (name);
  collection->members = g_ptr_array_new_with_free_func (g_free);
  collection->set = g_hash_table_new (g_str_hash, g_str_equal);

  return collection;
}

void
_measures_library_collection_free (gpointer data)
{
  MeasuresLibraryCollection *collection = data;

  if (collection == NULL)
    return;

  g_hash_table_unref (collection->set);
  g_ptr_array_unref (collection->members);
  g_free (collection->name);
  g_free (collection->id);
  g_free (collection);
}

gboolean
_measures_library_collection_add (MeasuresLibraryCollection *collection,
                                  const char *measure_id)
{
  char *copy;

  if (g_hash_table_contains (collection->set, measure_id))
    return FALSE;

  copy = g_strdup (measure_id);
  g_ptr_array_add (collection->members, copy);
  g_hash_table_add (collection->set, copy);

  return TRUE;
}

MeasuresLibraryNote *
_measures_library_note_new (const char *text,
                            const char *modified)
{
  MeasuresLibraryNote *note = g_new0 (MeasuresLibraryNote, 1);

  note->text = g_strdup (text);
  note->folded = measures_fold_words (text);
  note->modified = g_strdup (modified);

  return note;
}

void
_measures_library_note_free (gpointer data)
{
  MeasuresLibraryNote *note = data;

  if (note == NULL)
    return;

  g_free (note->text);
  g_free (note->folded);
  g_free (note->modified);
  g_free (note);
}

MeasuresLibrarySearch *
_measures_library_search_new (const char *id,
                              const char *name,
                              JsonObject *query)
{
  MeasuresLibrarySearch *search = g_new0 (MeasuresLibrarySearch, 1);

  search->id = g_strdup (id);
  search->name = g_strdup (name);
  search->query = query != NULL ? json_object_ref (query) : json_object_new ();

  return search;
}

void
_measures_library_search_free (gpointer data)
{
  MeasuresLibrarySearch *search = data;

  if (search == NULL)
    return;

  json_object_unref (search->query);
  g_free (search->name);
  g_free (search->id);
  g_free (search);
}

void
_measures_library_undo_free (gpointer data)
{
  MeasuresLibraryUndo *undo = data;

  _measures_library_collection_free (undo->collection);
  _measures_library_note_free (undo->note);
  _measures_library_search_free (undo->search);
  g_free (undo->measure_id);
  g_free (undo);
}

MeasuresLibraryWriter *
_measures_library_writer_ref (MeasuresLibraryWriter *writer)
{
  g_atomic_ref_count_inc (&writer->ref);

  return writer;
}

void
_measures_library_writer_unref (MeasuresLibraryWriter *writer)
{
  if (g_atomic_ref_count_dec (&writer->ref))
    {
      g_mutex_clear (&writer->lock);
      g_free (writer);
    }
}

char *
_measures_library_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_measures_library_new_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (prefix, uuid, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

const char **
_measures_library_sorted_keys (GHashTable *table,
                               guint      *n)
{
  guint length;
  const char **keys = (const char **) g_hash_table_get_keys_as_array (table, &length);

  qsort (keys, length, sizeof (char *), compare_strings);
  if (n != NULL)
    *n = length;

  return keys;
}

/* The document, as written. Ids are listed sorted, so that a file
 * changes only where the library did. */
JsonNode *
_measures_library_to_json (MeasuresLibrary *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree const char **starred = NULL;
  g_autofree const char **noted = NULL;
  guint n;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, MEASURES_LIBRARY_FORMAT);

  json_builder_set_member_name (builder, "starred");
  json_builder_begin_array (builder);
  starred = _measures_library_sorted_keys (self->starred, &n);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (builder, starred[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "collections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->collections->len; i++)
    {
      MeasuresLibraryCollection *collection = g_ptr_array_index (self->collections, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, collection->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, collection->name);
      json_builder_set_member_name (builder, "measures");
      json_builder_begin_array (builder);
      for (guint k = 0; k < collection->members->len; k++)
        json_builder_add_string_value (builder, g_ptr_array_index (collection->members, k));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_object (builder);
  noted = _measures_library_sorted_keys (self->notes, &n);
  for (guint i = 0; i < n; i++)
    {
      MeasuresLibraryNote *note = g_hash_table_lookup (self->notes, noted[i]);

      json_builder_set_member_name (builder, noted[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, note->text);
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, note->modified);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "searches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->searches->len; i++)
    {
      MeasuresLibrarySearch *search = g_ptr_array_index (self->searches, i);
      JsonNode *query = json_node_alloc ();

      json_node_init_object (query, search->query);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, search->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, search->name);
      json_builder_set_member_name (builder, "query");
      json_builder_add_value (builder, query);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The writer */

MeasuresLibraryWriter *
_measures_library_writer_new (void)
{
  MeasuresLibraryWriter *writer = g_new0 (MeasuresLibraryWriter, 1);

  g_atomic_ref_count_init (&writer->ref);
  g_mutex_init (&writer->lock);

  return writer;
}

gboolean
_measures_library_write_bytes (MeasuresLibraryWriter        *writer,
                               GFile         *file,
                               GBytes        *bytes,
                               guint64        generation,
                               GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GMutexLocker) G_GNUC_UNUSED locker = g_mutex_locker_new (&writer->lock);

  /* A later state was written meanwhile. */
  if (generation <= writer->written)
    return TRUE;

  if (folder != NULL && g_file_peek_path (folder) != NULL &&
      g_mkdir_with_parents (g_file_peek_path (folder), 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in “%s”: %s"), g_file_peek_path (folder), g_strerror (saved));
      return FALSE;
    }

  if (!measures_file_replace_contents (file, bytes, NULL, error))
    return FALSE;

  writer->written = generation;

  return TRUE;
}

static void
set_damaged (GError    **error,
             GFile      *file,
             const char *place,
             const char *what)
{
  g_autofree char *name = file != NULL ? g_file_get_parse_name (file) : g_strdup ("library");

  g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED,
               /* Translators: the first %s is a file, the second a place in it
                * such as “collections[2].name”, the third what is wrong */
               _("“%s” is damaged at %s: %s"), name, place, what);
}

static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A list of ids: texts, none empty. */
static gboolean
read_ids (JsonNode    *node,
          const char  *place,
          GFile       *file,
          GPtrArray   *into,
          GError     **error)
{
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_damaged (error, file, place, _("not a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = get_string (json_array_get_element (array, i));

      if (id == NULL || *id == '\0')
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", place, i);

          set_damaged (error, file, where, _("not the id of a measure"));
          return FALSE;
        }
      g_ptr_array_add (into, (gpointer) id);
    }

  return TRUE;
}

static gboolean
read_name (JsonObject  *object,
           const char  *place,
           GFile       *file,
           const char **id,
           const char **name,
           GError     **error)
{
  *id = object != NULL ? get_string (json_object_get_member (object, "id")) : NULL;
  *name = object != NULL ? get_string (json_object_get_member (object, "name")) : NULL;

  if (object == NULL)
    set_damaged (error, file, place, _("not an object"));
  else if (*id == NULL || **id == '\0')
    set_damaged (error, file, place, _("no id"));
  else if (*name == NULL || **name == '\0')
    set_damaged (error, file, place, _("no name"));
  else
    return TRUE;

  return FALSE;
}

/* Reads @root into @self, which is empty. Each part is read whole or
 * not at all; what a part gets wrong is reported, the first only, and
 * the other parts are read. */
static gboolean
has_collection (MeasuresLibrary *self,
                const char      *id)
{
  for (guint i = 0; i < self->collections->len; i++)
    if (g_str_equal (((MeasuresLibraryCollection *) g_ptr_array_index (self->collections, i))->id, id))
      return TRUE;

  return FALSE;
}

static gboolean
from_json (MeasuresLibrary  *self,
           JsonNode         *root,
           GError          **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  g_autoptr(GError) first = NULL;
  const char *format = object != NULL ? get_string (json_object_get_member (object, "format")) : NULL;
  JsonNode *node;

  if (format == NULL)
    {
      set_damaged (error, self->file, "format", _("not a Measures library"));
      return FALSE;
    }
  if (!g_str_equal (format, MEASURES_LIBRARY_FORMAT))
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      if (g_str_has_prefix (format, "measures-library-"))
        g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NEWER_VERSION,
                     /* Translators: the first %s is a file, the second a format such as
                      * “measures-library-2”, the third the one this version reads */
                     _("“%s” is of the format %s, from a later version of Measures; this one reads %s"),
                     name, format, MEASURES_LIBRARY_FORMAT);
      else
        set_damaged (error, self->file, "format", _("not a Measures library"));
      return FALSE;
    }

  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    if (read_ids (json_object_get_member (object, "starred"), "starred", self->file, ids,
                  first == NULL ? &first : NULL))
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (self->starred, g_strdup (g_ptr_array_index (ids, i)));
  }

  node = json_object_get_member (object, "collections");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    set_damaged (first == NULL ? &first : NULL, self->file, "collections", _("not a list"));
  else if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          g_autofree char *place = g_strdup_printf ("collections[%u]", i);
          g_autofree char *members_place = g_strdup_printf ("collections[%u].measures", i);
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          const char *id, *name;
          MeasuresLibraryCollection *collection;

          if (!read_name (item, place, self->file, &id, &name, first == NULL ? &first : NULL) ||
              !read_ids (json_object_get_member (item, "measures"), members_place, self->file, ids,
                         first == NULL ? &first : NULL))
            continue;
          if (has_collection (self, id))
            {
              set_damaged (first == NULL ? &first : NULL, self->file, place, _("an id given twice"));
              continue;
            }

          collection = _measures_library_collection_new (id, name);
          for (guint k = 0; k < ids->len; k++)
            _measures_library_collection_add (collection, g_ptr_array_index (ids, k));
          g_ptr_array_add (self->collections, collection);
        }
    }

  node = json_object_get_member (object, "notes");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    set_damaged (first == NULL ? &first : NULL, self->file, "notes", _("not an object"));
  else if (node != NULL)
    {
      JsonObject *notes = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (notes);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *element = json_object_get_member (notes, l->data);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *text = item != NULL ? get_string (json_object_get_member (item, "text")) : NULL;
          const char *modified = item != NULL ? get_string (json_object_get_member (item, "modified")) : NULL;
          g_autofree char *place = g_strdup_printf ("notes.%s", (const char *) l->data);

          if (text == NULL || *(const char *) l->data == '\0')
            {
              set_damaged (first == NULL ? &first : NULL, self->file, place, _("no text"));
              continue;
            }
          if (*text != '\0')
            g_hash_table_insert (self->notes, g_strdup (l->data), _measures_library_note_new (text, modified != NULL ? modified : ""));
        }
    }

  node = json_object_get_member (object, "searches");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    set_damaged (first == NULL ? &first : NULL, self->file, "searches", _("not a list"));
  else if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          g_autofree char *place = g_strdup_printf ("searches[%u]", i);
          JsonNode *query = item != NULL ? json_object_get_member (item, "query") : NULL;
          const char *id, *name;

          if (!read_name (item, place, self->file, &id, &name, first == NULL ? &first : NULL))
            continue;
          if (query == NULL || !JSON_NODE_HOLDS_OBJECT (query))
            {
              set_damaged (first == NULL ? &first : NULL, self->file, place, _("no query"));
              continue;
            }
          g_ptr_array_add (self->searches, _measures_library_search_new (id, name, json_node_get_object (query)));
        }
    }

  if (first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  return TRUE;
}

void
_measures_library_clear (MeasuresLibrary *self)
{
  g_hash_table_remove_all (self->starred);
  g_ptr_array_set_size (self->collections, 0);
  g_hash_table_remove_all (self->notes);
  g_ptr_array_set_size (self->searches, 0);
}

/* Reads the file. A file that is not there is an empty library;
 * @nothing_read says whether nothing at all could be used of one that
 * could not be read whole. */
gboolean
_measures_library_read_file (MeasuresLibrary  *self,
                             gboolean         *nothing_read,
                             GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  *nothing_read = TRUE;
  _measures_library_clear (self);
  if (self->file == NULL)
    return TRUE;

  name = g_file_get_parse_name (self->file);
  if (!measures_file_read_all (self->file, MAX_FILE_SIZE, NULL, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED,
                   /* Translators: the first %s is a file, the second says why */
                   _("“%s” cannot be read: %s"), name, local_error->message);
      return FALSE;
    }

  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED,
                   /* Translators: %s is a file */
                   _("“%s” is damaged: it is not UTF-8 text"), name);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_DAMAGED,
                   /* Translators: the first %s is a file, the second what the parser says */
                   _("“%s” is damaged: %s"), name,
                   local_error != NULL ? local_error->message : _("it is empty"));
      return FALSE;
    }

  if (!from_json (self, json_parser_get_root (parser), error))
    {
      *nothing_read = g_hash_table_size (self->starred) == 0 && self->collections->len == 0 &&
                      g_hash_table_size (self->notes) == 0 && self->searches->len == 0;
      return FALSE;
    }

  *nothing_read = FALSE;

  return TRUE;
}

/* Moves the file that could not be read out of the way, to a name that
 * says why and when: "library.json.damaged-2026-12-02T03-10-00". */
GFile *
_measures_library_set_aside (MeasuresLibrary  *self,
                             const GError     *why,
                             GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H-%M-%S");
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  const char *reason = g_error_matches (why, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NEWER_VERSION)
                       ? "later-version" : "damaged";

  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *name = attempt == 1
                              ? g_strdup_printf ("%s.%s-%s", basename, reason, stamp)
                              : g_strdup_printf ("%s.%s-%s-%u", basename, reason, stamp, attempt);
      g_autoptr(GFile) target = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (self->file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, g_strerror (EEXIST));

  return NULL;
}
