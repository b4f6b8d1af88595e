/* measures-measure-editor.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-measure-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-countries.h"
#include "measures-measure-editor.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* The form of New Measure and Edit: it shows a record as the JSON the
 * loader reads, and makes a record again from what the user typed, which
 * it checks as the loader checks it, key by key, so that each problem is
 * shown under its field. Keys the form does not show (other languages,
 * unknown keys) are kept as they were. */

struct _MeasuresMeasureEditor
{
  AdwWindow parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *note_group;
  GtkLabel *note_label;
  GtkLabel *general_problem;
  AdwEntryRow *country_row;
  GtkMenuButton *country_button;
  GtkPopover *country_popover;
  GtkSearchEntry *country_search;
  GtkListBox *country_list;
  AdwActionRow *country_problem;
  AdwEntryRow *years_row;
  AdwActionRow *years_problem;
  AdwPreferencesGroup *types_group;
  AdwComboRow *type_combo;
  AdwEntryRow *type_entry;
  AdwActionRow *types_problem;
  AdwPreferencesGroup *forms_group;
  AdwComboRow *form_combo;
  AdwEntryRow *form_entry;
  AdwActionRow *forms_problem;
  AdwEntryRow *title_en_row;
  AdwEntryRow *title_ro_row;
  AdwActionRow *title_problem;
  GtkTextView *description_en_view;
  GtkTextView *description_ro_view;
  GtkLabel *description_problem;
  AdwEntryRow *source_row;
  AdwActionRow *source_problem;
  AdwEntryRow *url_row;
  AdwActionRow *url_problem;
  AdwPreferencesGroup *delete_group;

  /* Owned references */
  MeasuresMeasure *measure;     /* the one edited, or NULL for a new one */
  JsonObject *base;             /* its record, which the form's fields replace */
  GPtrArray *types;             /* char *, chosen */
  GPtrArray *forms;
  GPtrArray *value_rows;        /* the rows of the chosen values */
  GStrv known_types;            /* what the combo rows offer */
  GStrv known_forms;
  GHashTable *problems;         /* key → message, of the last check */
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureEditor, measures_measure_editor, ADW_TYPE_WINDOW)

enum {
  SAVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Texts of the record */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The text of @key in @lang, or for English a text that names no
 * language. */
static const char *
localized_text (JsonObject *object,
                const char *key,
                const char *lang)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_str_equal (lang, "en") ? json_node_get_string (node) : NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return member_string (json_node_get_object (node), lang);

  return NULL;
}

/* Sets the English and (unless @ro is NULL) Romanian texts of @key,
 * keeping its other languages; a text left as it was changes nothing. */
static void
set_localized (JsonObject *object,
               const char *key,
               const char *en,
               const char *ro)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(JsonObject) texts = json_object_new ();

  if (g_strcmp0 (en, or_empty (localized_text (object, key, "en"))) == 0 &&
      (ro == NULL || g_strcmp0 (ro, or_empty (localized_text (object, key, "ro"))) == 0))
    return;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *old = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (old);

      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "en") && (ro != NULL ? !g_str_equal (l->data, "ro") : TRUE))
          json_object_set_member (texts, l->data, json_node_copy (json_object_get_member (old, l->data)));
    }

  if (*en != '\0')
    json_object_set_string_member (texts, "en", en);
  if (ro != NULL && *ro != '\0')
    json_object_set_string_member (texts, "ro", ro);

  if (json_object_get_size (texts) == 0)
    json_object_remove_member (object, key);
  else
    json_object_set_object_member (object, key, g_steal_pointer (&texts));
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strstrip (text);
}

static void
set_or_remove (JsonObject *object,
               const char *key,
               const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, key, text);
  else if (json_object_has_member (object, key))
    json_object_remove_member (object, key);
}

static void
set_list (JsonObject *object,
          const char *key,
          GPtrArray  *values)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < values->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (values, i));

  if (values->len > 0)
    json_object_set_array_member (object, key, g_steal_pointer (&array));
  else if (json_object_has_member (object, key))
    json_object_remove_member (object, key);
}

/* A country typed by its name in the interface's language is written
 * by the name records use. */
static char *
country_value (const char *typed)
{
  g_autofree char *key = measures_countries_key (typed);
  const MeasuresCountry *all;
  guint n;

  if (*typed == '\0' || measures_countries_find (typed) != NULL)
    return g_strdup (typed);

  all = measures_countries_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label_key = measures_countries_key (measures_country_get_label (&all[i], NULL));

      if (g_str_equal (key, label_key))
        return g_strdup (all[i].name);
    }

  return g_strdup (typed);
}

/* The record the form holds now. */
static JsonObject *
make_record (MeasuresMeasureEditor *self)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (self->base);
  g_autofree char *country = entry_text (self->country_row);
  g_autofree char *country_written = country_value (country);
  g_autofree char *years = entry_text (self->years_row);
  g_autofree char *title_en = entry_text (self->title_en_row);
  g_autofree char *title_ro = entry_text (self->title_ro_row);
  g_autofree char *description_en = view_text (self->description_en_view);
  g_autofree char *description_ro = view_text (self->description_ro_view);
  g_autofree char *source = entry_text (self->source_row);
  g_autofree char *url = entry_text (self->url_row);
  gboolean title_changed;

  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data, json_node_copy (json_object_get_member (self->base, l->data)));

  /* As the record had it, when the user did not change it. */
  if (g_strcmp0 (country, g_object_get_data (G_OBJECT (self->country_row), "shown")) != 0)
    set_or_remove (object, "country", country_written);
  if (g_strcmp0 (years, g_object_get_data (G_OBJECT (self->years_row), "shown")) != 0)
    set_or_remove (object, "year", years);

  set_list (object, "types", self->types);
  set_list (object, "forms", self->forms);

  title_changed = g_strcmp0 (title_en, or_empty (localized_text (self->base, "title", "en"))) != 0 ||
                  g_strcmp0 (title_ro, or_empty (localized_text (self->base, "title", "ro"))) != 0;
  set_localized (object, "title", title_en, title_ro);
  if (title_changed && json_object_has_member (object, "title_derived"))
    json_object_remove_member (object, "title_derived");
  set_localized (object, "description", description_en, description_ro);
  set_localized (object, "source", source, NULL);
  set_or_remove (object, "url", url);

  return object;
}

/* Checking, as the loader does */

static const char * const checked_keys[] = {
  "country", "year", "types", "forms", "title", "description", "source", "url", NULL
};

static GtkWidget *
problem_widget (MeasuresMeasureEditor *self,
                const char            *key)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->country_problem), GTK_WIDGET (self->years_problem),
    GTK_WIDGET (self->types_problem), GTK_WIDGET (self->forms_problem),
    GTK_WIDGET (self->title_problem), GTK_WIDGET (self->description_problem),
    GTK_WIDGET (self->source_problem), GTK_WIDGET (self->url_problem),
  };

  for (guint i = 0; checked_keys[i] != NULL; i++)
    if (g_str_equal (checked_keys[i], key))
      return widgets[i];

  return GTK_WIDGET (self->general_problem);
}

static GtkWidget *
field_widget (MeasuresMeasureEditor *self,
              const char            *key)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->country_row), GTK_WIDGET (self->years_row),
    GTK_WIDGET (self->type_entry), GTK_WIDGET (self->form_entry),
    GTK_WIDGET (self->title_en_row), GTK_WIDGET (self->description_en_view),
    GTK_WIDGET (self->source_row), GTK_WIDGET (self->url_row),
  };

  for (guint i = 0; checked_keys[i] != NULL; i++)
    if (g_str_equal (checked_keys[i], key))
      return widgets[i];

  return NULL;
}

static void
show_problem (MeasuresMeasureEditor *self,
              const char            *key,
              const char            *message)
{
  GtkWidget *shown = problem_widget (self, key);
  GtkWidget *field = field_widget (self, key);

  if (ADW_IS_PREFERENCES_ROW (shown))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (shown), message != NULL ? message : "");
  else
    gtk_label_set_text (GTK_LABEL (shown), message != NULL ? message : "");
  gtk_widget_set_visible (shown, message != NULL);
  if (shown == GTK_WIDGET (self->general_problem))
    gtk_widget_set_visible (GTK_WIDGET (self->note_group),
                            message != NULL || *gtk_label_get_text (self->note_label) != '\0');

  if (field == NULL)
    return;

  /* Said to screen readers with the field. */
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The loader's message for @key alone, in a record that is otherwise
 * right; NULL if it has none. */
static char *
check_key (JsonObject *record,
           const char *key)
{
  g_autoptr(JsonObject) alone = json_object_new ();
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_object_get_member (record, key);

  if (!g_str_equal (key, "country"))
    json_object_set_string_member (alone, "country", "Romania");
  if (node != NULL)
    json_object_set_member (alone, key, json_node_copy (node));

  measure = measures_measure_new_from_json (alone, &error);

  return measure == NULL ? g_strdup (error->message) : NULL;
}

/**
 * measures_measure_editor_build:
 * @n_problems: (out) (optional): how many fields have a problem
 *
 * Checks the form as the loader would read its record, shows each
 * problem under its field, and makes the measure.
 *
 * Returns: (transfer full) (nullable): the measure, or %NULL when the
 *   record has a problem
 */
MeasuresMeasure *
measures_measure_editor_build (MeasuresMeasureEditor *self,
                               guint                 *n_problems)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *measure;
  GtkWidget *first = NULL;
  guint count = 0;

  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  record = make_record (self);
  g_hash_table_remove_all (self->problems);

  for (guint i = 0; checked_keys[i] != NULL; i++)
    {
      char *message = check_key (record, checked_keys[i]);

      show_problem (self, checked_keys[i], message);
      if (message != NULL)
        {
          g_hash_table_insert (self->problems, (gpointer) checked_keys[i], message);
          if (first == NULL)
            first = field_widget (self, checked_keys[i]);
          count++;
        }
    }

  measure = measures_measure_new_from_json (record, &error);
  show_problem (self, "", count == 0 && measure == NULL ? error->message : NULL);
  if (count == 0 && measure == NULL)
    {
      g_hash_table_insert (self->problems, (gpointer) "", g_strdup (error->message));
      count++;
    }

  if (first != NULL)
    gtk_widget_grab_focus (first);
  if (n_problems != NULL)
    *n_problems = count;

  if (count > 0)
    g_clear_object (&measure);

  return measure;
}

/* Types and forms */

static GPtrArray *
values_of (MeasuresMeasureEditor *self,
           MeasuresFacet          facet)
{
  return facet == MEASURES_FACET_TYPE ? self->types : self->forms;
}

static void remove_value_cb (GtkButton *button, MeasuresMeasureEditor *self);

static void
add_value_row (MeasuresMeasureEditor *self,
               MeasuresFacet          facet,
               const char            *value)
{
  AdwPreferencesGroup *group = facet == MEASURES_FACET_TYPE ? self->types_group : self->forms_group;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *label = measures_vocabulary_label (facet, value);
  /* Translators: a button's name for screen readers; %s is a type of
   * measure or a form of violence */
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (remove), "facet", GUINT_TO_POINTER (facet));
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_value_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->value_rows, row);
}

static void
add_value (MeasuresMeasureEditor *self,
           MeasuresFacet          facet,
           const char            *value)
{
  GPtrArray *values = values_of (self, facet);
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    return;
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), trimmed))
      return;

  g_ptr_array_add (values, g_strdup (trimmed));
  add_value_row (self, facet, trimmed);
}

static void
remove_value_cb (GtkButton             *button,
                 MeasuresMeasureEditor *self)
{
  MeasuresFacet facet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "facet"));
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  GPtrArray *values = values_of (self, facet);
  AdwPreferencesGroup *group = facet == MEASURES_FACET_TYPE ? self->types_group : self->forms_group;

  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), value))
      {
        g_ptr_array_remove_index (values, i);
        break;
      }

  /* The focus goes to the picker, not out of the window. */
  gtk_widget_grab_focus (GTK_WIDGET (facet == MEASURES_FACET_TYPE ? self->type_combo : self->form_combo));
  g_ptr_array_remove (self->value_rows, row);
  adw_preferences_group_remove (group, row);
}

static void
type_add_cb (MeasuresMeasureEditor *self)
{
  guint chosen = adw_combo_row_get_selected (self->type_combo);

  if (chosen != GTK_INVALID_LIST_POSITION && chosen < g_strv_length (self->known_types))
    add_value (self, MEASURES_FACET_TYPE, self->known_types[chosen]);
}

static void
form_add_cb (MeasuresMeasureEditor *self)
{
  guint chosen = adw_combo_row_get_selected (self->form_combo);

  if (chosen != GTK_INVALID_LIST_POSITION && chosen < g_strv_length (self->known_forms))
    add_value (self, MEASURES_FACET_FORM, self->known_forms[chosen]);
}

static void
type_entry_apply_cb (MeasuresMeasureEditor *self)
{
  add_value (self, MEASURES_FACET_TYPE, gtk_editable_get_text (GTK_EDITABLE (self->type_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->type_entry), "");
}

static void
form_entry_apply_cb (MeasuresMeasureEditor *self)
{
  add_value (self, MEASURES_FACET_FORM, gtk_editable_get_text (GTK_EDITABLE (self->form_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->form_entry), "");
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  g_autofree char *la = measures_vocabulary_label (GPOINTER_TO_UINT (data), *(const char **) a);
  g_autofree char *lb = measures_vocabulary_label (GPOINTER_TO_UINT (data), *(const char **) b);

  return g_utf8_collate (la, lb);
}

/* Known values, by their labels in the interface's language. */
static GStrv
sorted_values (MeasuresFacet       facet,
               const char * const *given)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *known = facet == MEASURES_FACET_FORM ? measures_vocabulary_get_known (facet) : NULL;

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) given[i]))
      g_ptr_array_add (values, (gpointer) given[i]);
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) known[i]))
      g_ptr_array_add (values, (gpointer) known[i]);

  g_ptr_array_sort_with_data (values, compare_labels, GUINT_TO_POINTER (facet));

  for (guint i = 0; i < values->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (values, i));

  return g_strv_builder_end (builder);
}

static void
fill_combo (AdwComboRow  *combo,
            MeasuresFacet facet,
            GStrv         values)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *label = measures_vocabulary_label (facet, values[i]);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (combo, G_LIST_MODEL (labels));
}

/* Countries */

static gboolean
country_filter (GtkListBoxRow *row,
                gpointer       data)
{
  MeasuresMeasureEditor *self = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->country_search));
  g_autofree char *key = measures_countries_key (search);
  const char *row_key = g_object_get_data (G_OBJECT (row), "key");

  return *key == '\0' || strstr (row_key, key) != NULL;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (g_object_get_data (*(GObject **) a, "label"),
                         g_object_get_data (*(GObject **) b, "label"));
}

static void
fill_countries (MeasuresMeasureEditor *self)
{
  guint n;
  const MeasuresCountry *all = measures_countries_get_all (&n);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *label = measures_country_get_label (&all[i], NULL);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text = gtk_label_new (label);
      g_autofree char *key = measures_countries_key (label);
      g_autofree char *name_key = measures_countries_key (all[i].name);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_margin_start (text, 6);
      gtk_widget_set_margin_end (text, 6);
      gtk_widget_set_margin_top (text, 6);
      gtk_widget_set_margin_bottom (text, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
      g_object_set_data_full (G_OBJECT (row), "label", g_strdup (label), g_free);
      g_object_set_data_full (G_OBJECT (row), "key", g_strconcat (key, " ", name_key, NULL), g_free);
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort (rows, compare_rows);

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->country_list, g_ptr_array_index (rows, i));
  gtk_list_box_set_filter_func (self->country_list, country_filter, self, NULL);
}

static void
country_search_changed_cb (MeasuresMeasureEditor *self)
{
  gtk_list_box_invalidate_filter (self->country_list);
}

static void
choose_country (MeasuresMeasureEditor *self,
                GtkListBoxRow         *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), g_object_get_data (G_OBJECT (row), "label"));
  gtk_popover_popdown (self->country_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->country_row));
}

static void
country_chosen_cb (MeasuresMeasureEditor *self,
                   GtkListBoxRow         *row)
{
  choose_country (self, row);
}

/* Enter in the search: the first country shown. */
static void
country_search_activate_cb (MeasuresMeasureEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->country_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
        country_filter (GTK_LIST_BOX_ROW (child), self))
      {
        choose_country (self, GTK_LIST_BOX_ROW (child));
        return;
      }
}

static void
country_popover_shown_cb (MeasuresMeasureEditor *self)
{
  /* Made when first asked for: the form opens at once. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->country_list)) == NULL)
    fill_countries (self);

  gtk_editable_set_text (GTK_EDITABLE (self->country_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->country_search));
}

/* Showing a record */

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
show_record (MeasuresMeasureEditor *self)
{
  const char *country = member_string (self->base, "country");
  const MeasuresCountry *known = country != NULL ? measures_countries_find (country) : NULL;
  /* A country Measures knows by the name the interface gives it, as in
   * the list to choose from; written back by the name records use. */
  const char *shown = known != NULL ? measures_country_get_label (known, NULL)
                                    : country != NULL ? country : "";
  g_autofree char *years = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->country_row), shown);
  g_object_set_data_full (G_OBJECT (self->country_row), "shown", g_strdup (shown), g_free);

  /* The years as the loader reads them back. */
  if (self->measure != NULL && measures_measure_get_year_from (self->measure) != MEASURES_YEAR_NONE)
    {
      int from = measures_measure_get_year_from (self->measure);
      int to = measures_measure_get_year_to (self->measure);

      years = to == from ? g_strdup_printf ("%d", from)
              : to == MEASURES_YEAR_NONE ? g_strdup_printf ("%d-", from)
              : g_strdup_printf ("%d - %d", from, to);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->years_row), years != NULL ? years : "");
  g_object_set_data_full (G_OBJECT (self->years_row), "shown", g_strdup (years != NULL ? years : ""), g_free);

  if (self->measure != NULL)
    {
      const char * const *types = measures_measure_get_types (self->measure);
      const char * const *forms = measures_measure_get_forms (self->measure);

      for (guint i = 0; types[i] != NULL; i++)
        add_value (self, MEASURES_FACET_TYPE, types[i]);
      for (guint i = 0; forms[i] != NULL; i++)
        add_value (self, MEASURES_FACET_FORM, forms[i]);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_en_row), or_empty (localized_text (self->base, "title", "en")));
  gtk_editable_set_text (GTK_EDITABLE (self->title_ro_row), or_empty (localized_text (self->base, "title", "ro")));
  set_view_text (self->description_en_view, localized_text (self->base, "description", "en"));
  set_view_text (self->description_ro_view, localized_text (self->base, "description", "ro"));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), or_empty (localized_text (self->base, "source", "en")));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), or_empty (member_string (self->base, "url")));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresMeasureEditor *self = MEASURES_MEASURE_EDITOR (widget);
  g_autoptr(MeasuresMeasure) measure = measures_measure_editor_build (self, NULL);

  if (measure != NULL)
    g_signal_emit (self, signals[SAVE], 0, measure);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[DELETE], 0);
}

/* GObject */

static void
measures_measure_editor_dispose (GObject *object)
{
  MeasuresMeasureEditor *self = MEASURES_MEASURE_EDITOR (object);

  g_clear_object (&self->measure);
  g_clear_pointer (&self->base, json_object_unref);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_MEASURE_EDITOR);

  G_OBJECT_CLASS (measures_measure_editor_parent_class)->dispose (object);
}

static void
measures_measure_editor_finalize (GObject *object)
{
  MeasuresMeasureEditor *self = MEASURES_MEASURE_EDITOR (object);

  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->known_types, g_strfreev);
  g_clear_pointer (&self->known_forms, g_strfreev);
  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (measures_measure_editor_parent_class)->finalize (object);
}

static void
measures_measure_editor_class_init (MeasuresMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_measure_editor_dispose;
  object_class->finalize = measures_measure_editor_finalize;

  /**
   * MeasuresMeasureEditor::save:
   * @measure: the measure as the form has it, checked
   *
   * The user saved a record without problems; the editor stays open
   * until its owner closes it.
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MEASURES_TYPE_MEASURE);
  /**
   * MeasuresMeasureEditor::delete:
   *
   * The user asked to delete the measure edited.
   */
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, page);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, note_group);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, general_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_popover);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_search);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, country_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, years_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, years_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, types_group);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, type_combo);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, type_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, types_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, forms_group);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, form_combo);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, form_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, forms_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, title_ro_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, title_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, description_en_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, description_ro_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, description_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, source_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, url_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, type_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_popover_shown_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
}

static void
measures_measure_editor_init (MeasuresMeasureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->types = g_ptr_array_new_with_free_func (g_free);
  self->forms = g_ptr_array_new_with_free_func (g_free);
  self->value_rows = g_ptr_array_new ();
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* Public API */

/**
 * measures_measure_editor_new:
 * @parent: the window it belongs to
 * @measure: (nullable): the measure to edit, or one to start a new
 *   record from (a pasted one), or %NULL for an empty form
 * @is_new: whether the record is a new one
 * @types: (nullable): the types of measure to offer, besides free ones
 * @forms: (nullable): the forms of violence to offer, with the known ones
 *
 * Returns: (transfer full): the form
 */
MeasuresMeasureEditor *
measures_measure_editor_new (GtkWindow          *parent,
                             MeasuresMeasure    *measure,
                             gboolean            is_new,
                             const char * const *types,
                             const char * const *forms)
{
  MeasuresMeasureEditor *self;
  const char *title = is_new ? _("New Measure") : _("Edit Measure");

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (measure == NULL || MEASURES_IS_MEASURE (measure), NULL);

  self = g_object_new (MEASURES_TYPE_MEASURE_EDITOR, "transient-for", parent, "title", title, NULL);
  /* No larger than the window it belongs to: a phone's, 360 px wide. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                                   MIN (height, gtk_widget_get_height (GTK_WIDGET (parent))));
    }
  adw_window_title_set_title (self->window_title, title);

  if (measure != NULL)
    {
      g_autoptr(JsonNode) node = measures_measure_to_json (measure);

      self->measure = g_object_ref (measure);
      self->base = json_object_ref (json_node_get_object (node));
      /* A new record gets an id of its own once saved. */
      if (is_new && json_object_has_member (self->base, "id"))
        json_object_remove_member (self->base, "id");
    }
  else
    self->base = json_object_new ();

  self->known_types = sorted_values (MEASURES_FACET_TYPE, types);
  self->known_forms = sorted_values (MEASURES_FACET_FORM, forms);
  fill_combo (self->type_combo, MEASURES_FACET_TYPE, self->known_types);
  fill_combo (self->form_combo, MEASURES_FACET_FORM, self->known_forms);

  show_record (self);

  return self;
}

/**
 * measures_measure_editor_get_measure:
 *
 * Returns: (transfer none) (nullable): the measure the form started from
 */
MeasuresMeasure *
measures_measure_editor_get_measure (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  return self->measure;
}

/**
 * measures_measure_editor_set_note:
 * @note: (nullable): what the user should know of the record, above the
 *   form ("Edited copy of a measure of …", "Pasted from …")
 */
void
measures_measure_editor_set_note (MeasuresMeasureEditor *self,
                                  const char            *note)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note_group),
                          note != NULL || gtk_widget_get_visible (GTK_WIDGET (self->general_problem)));
}

/**
 * measures_measure_editor_set_deletable:
 *
 * Offers to delete the measure: one of the user's own.
 */
void
measures_measure_editor_set_deletable (MeasuresMeasureEditor *self,
                                       gboolean               deletable)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), deletable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", deletable);
}

/**
 * measures_measure_editor_set_field:
 * @key: "country", "year", "title", "title-ro", "description",
 *   "description-ro", "source" or "url"
 * @text: what to type in it
 *
 * Fills a field as the user would type it.
 */
void
measures_measure_editor_set_field (MeasuresMeasureEditor *self,
                                   const char            *key,
                                   const char            *text)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->country_row), GTK_WIDGET (self->years_row), GTK_WIDGET (self->title_en_row),
    GTK_WIDGET (self->title_ro_row), GTK_WIDGET (self->description_en_view),
    GTK_WIDGET (self->description_ro_view), GTK_WIDGET (self->source_row), GTK_WIDGET (self->url_row),
  };

  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (gtk_widget_get_name (fields[i]), key))
      {
        if (GTK_IS_TEXT_VIEW (fields[i]))
          set_view_text (GTK_TEXT_VIEW (fields[i]), text);
        else
          gtk_editable_set_text (GTK_EDITABLE (fields[i]), text);
        return;
      }

  g_return_if_reached ();
}

/**
 * measures_measure_editor_add_value:
 * @key: "types" or "forms"
 * @value: a type of measure or a form of violence, known or not
 */
void
measures_measure_editor_add_value (MeasuresMeasureEditor *self,
                                   const char            *key,
                                   const char            *value)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));
  g_return_if_fail (g_strcmp0 (key, "types") == 0 || g_strcmp0 (key, "forms") == 0);

  add_value (self, g_str_equal (key, "types") ? MEASURES_FACET_TYPE : MEASURES_FACET_FORM, value);
}

/**
 * measures_measure_editor_get_problem:
 * @key: a key of the record, or "" for the record as a whole
 *
 * Returns: (nullable): the problem the last check showed for @key
 */
const char *
measures_measure_editor_get_problem (MeasuresMeasureEditor *self,
                                     const char            *key)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  return g_hash_table_lookup (self->problems, key);
}
