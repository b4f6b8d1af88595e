/* measures-library-lists.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>

#include "measures-library-private.h"
#include "measures-text.h"

/* The library's named lists, collections and saved searches, and Undo
 * of what was deleted: see measures-library.c. */

/* Collections */

/* Collections and saved searches are both named lists that begin with
 * their id: one look-up serves both. */
G_STATIC_ASSERT (offsetof (MeasuresLibraryCollection, id) == 0);
G_STATIC_ASSERT (offsetof (MeasuresLibrarySearch, id) == 0);

static gpointer
find_named (GPtrArray  *items,
            const char *id,
            guint      *position)
{
  for (guint i = 0; id != NULL && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (g_str_equal (*(const char **) item, id))
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

static MeasuresLibraryCollection *
find_collection (MeasuresLibrary *self,
                 const char      *id,
                 guint           *position)
{
  return find_named (self->collections, id, position);
}

guint
measures_library_get_n_collections (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);

  return self->collections->len;
}

/**
 * measures_library_get_collection:
 * @position: from 0, in the order they were made
 *
 * Returns: the id of the collection at @position
 */
const char *
measures_library_get_collection (MeasuresLibrary *self,
                                 guint            position)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (position < self->collections->len, NULL);

  return ((MeasuresLibraryCollection *) g_ptr_array_index (self->collections, position))->id;
}

/**
 * measures_library_get_collection_name:
 *
 * Returns: (nullable): the name of the collection @collection, or %NULL
 *   when there is none of that id
 */
const char *
measures_library_get_collection_name (MeasuresLibrary *self,
                                      const char      *collection)
{
  MeasuresLibraryCollection *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  found = find_collection (self, collection, NULL);

  return found != NULL ? found->name : NULL;
}

/**
 * measures_library_find_collection:
 * @name: a name, compared without case or diacritics
 *
 * Returns: (nullable): the id of the collection named @name
 */
const char *
measures_library_find_collection (MeasuresLibrary *self,
                                  const char      *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = measures_fold_words (name);
  for (guint i = 0; i < self->collections->len; i++)
    {
      MeasuresLibraryCollection *collection = g_ptr_array_index (self->collections, i);
      g_autofree char *other = measures_fold_words (collection->name);

      if (g_str_equal (key, other))
        return collection->id;
    }

  return NULL;
}

/* A name is trimmed; it must say something, not be too long, and not be
 * another's (@except's own name is its own). */
static char *
check_name (MeasuresLibrary  *self,
            const char       *name,
            gboolean          search,
            const char       *except,
            GError          **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *key = NULL;

  if (!g_utf8_validate (trimmed, -1, NULL) || *trimmed == '\0')
    {
      g_set_error_literal (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME,
                           _("A name is needed"));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > MEASURES_LIBRARY_MAX_NAME_CHARS)
    {
      g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME,
                   /* Translators: %d is a number of characters */
                   _("A name can have at most %d characters"), MEASURES_LIBRARY_MAX_NAME_CHARS);
      return NULL;
    }

  key = measures_fold_words (trimmed);
  for (guint i = 0; i < (search ? self->searches->len : self->collections->len); i++)
    {
      const char *id = search ? ((MeasuresLibrarySearch *) g_ptr_array_index (self->searches, i))->id
                              : ((MeasuresLibraryCollection *) g_ptr_array_index (self->collections, i))->id;
      const char *other = search ? ((MeasuresLibrarySearch *) g_ptr_array_index (self->searches, i))->name
                                 : ((MeasuresLibraryCollection *) g_ptr_array_index (self->collections, i))->name;
      g_autofree char *other_key = measures_fold_words (other);

      if (g_strcmp0 (id, except) != 0 && g_str_equal (key, other_key))
        {
          g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_BAD_NAME,
                       search
                       /* Translators: %s is a name */
                       ? _("There is a saved search named “%s” already")
                       /* Translators: %s is a name */
                       : _("There is a collection named “%s” already"), other);
          return NULL;
        }
    }

  return g_steal_pointer (&trimmed);
}

static void
set_not_found (GError    **error,
               const char *id)
{
  g_set_error (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NOT_FOUND,
               /* Translators: %s is an id */
               _("Nothing in the library has the id “%s”"), id);
}

/**
 * measures_library_create_collection:
 * @name: its name: not empty, at most 200 characters, and not another
 *   collection's (without case or diacritics)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the id of the new collection,
 *   which stays its id when it is renamed
 */
char *
measures_library_create_collection (MeasuresLibrary  *self,
                                    const char       *name,
                                    GError          **error)
{
  g_autofree char *checked = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  if ((checked = check_name (self, name, FALSE, NULL, error)) == NULL)
    return NULL;

  id = _measures_library_new_id ("collection-");
  g_ptr_array_add (self->collections, _measures_library_collection_new (id, checked));
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_COLLECTIONS);

  return g_steal_pointer (&id);
}

gboolean
measures_library_rename_collection (MeasuresLibrary  *self,
                                    const char       *collection,
                                    const char       *name,
                                    GError          **error)
{
  MeasuresLibraryCollection *found;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if ((found = find_collection (self, collection, NULL)) == NULL)
    {
      set_not_found (error, collection);
      return FALSE;
    }
  if ((checked = check_name (self, name, FALSE, collection, error)) == NULL)
    return FALSE;
  if (g_str_equal (checked, found->name))
    return TRUE;

  g_free (found->name);
  found->name = g_steal_pointer (&checked);
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_COLLECTIONS);

  return TRUE;
}

/**
 * measures_library_delete_collection:
 *
 * Deletes a collection, not its measures; measures_library_undo()
 * brings it back where it was, with its measures.
 *
 * Returns: whether there was such a collection
 */
gboolean
measures_library_delete_collection (MeasuresLibrary *self,
                                    const char      *collection)
{
  MeasuresLibraryUndo *undo;
  guint position;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if (find_collection (self, collection, &position) == NULL)
    return FALSE;

  undo = g_new0 (MeasuresLibraryUndo, 1);
  undo->kind = MEASURES_LIBRARY_UNDO_COLLECTION;
  undo->position = position;
  undo->collection = g_ptr_array_steal_index (self->collections, position);
  _measures_library_push_undo (self, undo);
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_COLLECTIONS | MEASURES_LIBRARY_CHANGE_MEMBERS);

  return TRUE;
}

/**
 * measures_library_add_to_collection:
 * @measure_ids: (array zero-terminated=1): the measures
 *
 * Returns: how many were not in it yet
 */
guint
measures_library_add_to_collection (MeasuresLibrary    *self,
                                    const char         *collection,
                                    const char * const *measure_ids)
{
  MeasuresLibraryCollection *found;
  guint n = 0;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);
  g_return_val_if_fail (measure_ids != NULL, 0);

  if ((found = find_collection (self, collection, NULL)) == NULL)
    return 0;

  for (guint i = 0; measure_ids[i] != NULL; i++)
    if (*measure_ids[i] != '\0' && _measures_library_collection_add (found, measure_ids[i]))
      n++;

  if (n > 0)
    _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_MEMBERS);

  return n;
}

/**
 * measures_library_remove_from_collection:
 * @measure_ids: (array zero-terminated=1): the measures
 *
 * Returns: how many were in it
 */
guint
measures_library_remove_from_collection (MeasuresLibrary    *self,
                                         const char         *collection,
                                         const char * const *measure_ids)
{
  MeasuresLibraryCollection *found;
  guint n = 0;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);
  g_return_val_if_fail (measure_ids != NULL, 0);

  if ((found = find_collection (self, collection, NULL)) == NULL)
    return 0;

  for (guint i = 0; measure_ids[i] != NULL; i++)
    {
      char *member = g_hash_table_lookup (found->set, measure_ids[i]);

      if (member == NULL)
        continue;
      g_hash_table_remove (found->set, member);
      g_ptr_array_remove (found->members, member);
      n++;
    }

  if (n > 0)
    _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_MEMBERS);

  return n;
}

gboolean
measures_library_in_collection (MeasuresLibrary *self,
                                const char      *collection,
                                const char      *measure_id)
{
  MeasuresLibraryCollection *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  found = find_collection (self, collection, NULL);

  return found != NULL && measure_id != NULL && g_hash_table_contains (found->set, measure_id);
}

guint
measures_library_get_collection_size (MeasuresLibrary *self,
                                      const char      *collection)
{
  MeasuresLibraryCollection *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);

  found = find_collection (self, collection, NULL);

  return found != NULL ? found->members->len : 0;
}

/**
 * measures_library_list_collection:
 * @n: (out) (optional): how many
 *
 * Returns: (transfer container) (array zero-terminated=1): the ids of
 *   the measures in @collection, in the order they were added, loaded
 *   or not; empty for no such collection
 */
const char **
measures_library_list_collection (MeasuresLibrary *self,
                                  const char      *collection,
                                  guint           *n)
{
  MeasuresLibraryCollection *found;
  const char **ids;
  guint length;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  found = find_collection (self, collection, NULL);
  length = found != NULL ? found->members->len : 0;
  ids = g_new0 (const char *, length + 1);
  for (guint i = 0; i < length; i++)
    ids[i] = g_ptr_array_index (found->members, i);
  if (n != NULL)
    *n = length;

  return ids;
}

/**
 * measures_library_dup_collections_of:
 *
 * Returns: (transfer full): the ids of the collections that hold
 *   @measure_id, in the library's order
 */
GStrv
measures_library_dup_collections_of (MeasuresLibrary *self,
                                     const char      *measure_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  for (guint i = 0; measure_id != NULL && i < self->collections->len; i++)
    {
      MeasuresLibraryCollection *collection = g_ptr_array_index (self->collections, i);

      if (g_hash_table_contains (collection->set, measure_id))
        g_strv_builder_add (builder, collection->id);
    }

  return g_strv_builder_end (builder);
}

static MeasuresLibrarySearch *
find_search (MeasuresLibrary *self,
             const char      *id,
             guint           *position)
{
  return find_named (self->searches, id, position);
}

guint
measures_library_get_n_searches (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);

  return self->searches->len;
}

/**
 * measures_library_get_search:
 *
 * Returns: the id of the saved search at @position
 */
const char *
measures_library_get_search (MeasuresLibrary *self,
                             guint            position)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (position < self->searches->len, NULL);

  return ((MeasuresLibrarySearch *) g_ptr_array_index (self->searches, position))->id;
}

/**
 * measures_library_get_search_name:
 *
 * Returns: (nullable): its name, or %NULL for no such search
 */
const char *
measures_library_get_search_name (MeasuresLibrary *self,
                                  const char      *search)
{
  MeasuresLibrarySearch *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  found = find_search (self, search, NULL);

  return found != NULL ? found->name : NULL;
}

/**
 * measures_library_get_search_query:
 *
 * Returns: (transfer none) (nullable): the filters and the search it
 *   keeps, as measures_query_to_json() wrote them
 */
JsonObject *
measures_library_get_search_query (MeasuresLibrary *self,
                                   const char      *search)
{
  MeasuresLibrarySearch *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  found = find_search (self, search, NULL);

  return found != NULL ? found->query : NULL;
}

/**
 * measures_library_add_search:
 * @name: its name, as collections have them
 * @query: the filters and the search, from measures_query_to_json()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the id of the new saved search
 */
char *
measures_library_add_search (MeasuresLibrary  *self,
                             const char       *name,
                             JsonObject       *query,
                             GError          **error)
{
  g_autofree char *checked = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if ((checked = check_name (self, name, TRUE, NULL, error)) == NULL)
    return NULL;

  id = _measures_library_new_id ("search-");
  g_ptr_array_add (self->searches, _measures_library_search_new (id, checked, query));
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_SEARCHES);

  return g_steal_pointer (&id);
}

gboolean
measures_library_rename_search (MeasuresLibrary  *self,
                                const char       *search,
                                const char       *name,
                                GError          **error)
{
  MeasuresLibrarySearch *found;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if ((found = find_search (self, search, NULL)) == NULL)
    {
      set_not_found (error, search);
      return FALSE;
    }
  if ((checked = check_name (self, name, TRUE, search, error)) == NULL)
    return FALSE;
  if (g_str_equal (checked, found->name))
    return TRUE;

  g_free (found->name);
  found->name = g_steal_pointer (&checked);
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_SEARCHES);

  return TRUE;
}

/**
 * measures_library_update_search:
 * @query: the filters and the search it keeps from now on
 *
 * Returns: whether there is such a search
 */
gboolean
measures_library_update_search (MeasuresLibrary *self,
                                const char      *search,
                                JsonObject      *query)
{
  MeasuresLibrarySearch *found;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if ((found = find_search (self, search, NULL)) == NULL)
    return FALSE;

  json_object_ref (query);
  json_object_unref (found->query);
  found->query = query;
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_SEARCHES);

  return TRUE;
}

/**
 * measures_library_delete_search:
 *
 * Returns: whether there was such a search; measures_library_undo()
 *   brings it back
 */
gboolean
measures_library_delete_search (MeasuresLibrary *self,
                                const char      *search)
{
  MeasuresLibraryUndo *undo;
  guint position;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if (find_search (self, search, &position) == NULL)
    return FALSE;

  undo = g_new0 (MeasuresLibraryUndo, 1);
  undo->kind = MEASURES_LIBRARY_UNDO_SEARCH;
  undo->position = position;
  undo->search = g_ptr_array_steal_index (self->searches, position);
  _measures_library_push_undo (self, undo);
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_SEARCHES);

  return TRUE;
}

static gboolean
name_is_free (MeasuresLibrary *self,
              const char      *name,
              gboolean         search)
{
  g_autofree char *checked = check_name (self, name, search, NULL, NULL);

  return checked != NULL;
}

gboolean
measures_library_can_undo (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

/**
 * measures_library_undo:
 *
 * Brings back what was deleted last: a collection where it was, with
 * its measures; a note (unless another was written since); a saved
 * search. A collection or search whose name was taken since comes back
 * with a number after its name.
 *
 * Returns: whether there was something to bring back
 */
gboolean
measures_library_undo (MeasuresLibrary *self)
{
  MeasuresLibraryUndo *undo;
  MeasuresLibraryChange what = 0;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  while (what == 0 && (undo = g_queue_pop_head (&self->undo)) != NULL)
    {
      gboolean search = undo->kind == MEASURES_LIBRARY_UNDO_SEARCH;
      char **name = undo->kind == MEASURES_LIBRARY_UNDO_COLLECTION ? &undo->collection->name
                    : search ? &undo->search->name : NULL;

      /* Its name taken meanwhile: "Report (2)". */
      for (guint k = 2; k < 1000 && name != NULL && !name_is_free (self, *name, search); k++)
        {
          g_autofree char *base = g_strdup (*name);
          char *mark = g_strrstr (base, " (");

          if (mark != NULL && k > 2)
            *mark = '\0';
          g_free (*name);
          *name = g_strdup_printf ("%s (%u)", base, k);
        }

      switch (undo->kind)
        {
        case MEASURES_LIBRARY_UNDO_COLLECTION:
          g_ptr_array_insert (self->collections, MIN (undo->position, self->collections->len),
                              g_steal_pointer (&undo->collection));
          what = MEASURES_LIBRARY_CHANGE_COLLECTIONS | MEASURES_LIBRARY_CHANGE_MEMBERS;
          break;
        case MEASURES_LIBRARY_UNDO_NOTE:
          if (!g_hash_table_contains (self->notes, undo->measure_id))
            {
              g_hash_table_insert (self->notes, g_steal_pointer (&undo->measure_id), g_steal_pointer (&undo->note));
              what = MEASURES_LIBRARY_CHANGE_NOTES;
            }
          break;
        case MEASURES_LIBRARY_UNDO_SEARCH:
          g_ptr_array_insert (self->searches, MIN (undo->position, self->searches->len),
                              g_steal_pointer (&undo->search));
          what = MEASURES_LIBRARY_CHANGE_SEARCHES;
          break;
        default:
          g_assert_not_reached ();
        }
      _measures_library_undo_free (undo);
    }

  if (what == 0)
    return FALSE;

  _measures_library_changed (self, what);

  return TRUE;
}
