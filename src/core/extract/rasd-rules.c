#define G_LOG_DOMAIN "rasd-rules"

#include "config.h"

#include "rasd-rules.h"

_Thread_local guint *rasd_rule_hits;

static const char * const names[] = {
#define RASD_RULE_NAME(id, name, what) name,
  RASD_RULE_LIST (RASD_RULE_NAME)
#undef RASD_RULE_NAME
};

static const char * const descriptions[] = {
#define RASD_RULE_WHAT(id, name, what) what,
  RASD_RULE_LIST (RASD_RULE_WHAT)
#undef RASD_RULE_WHAT
};

void
rasd_rules_count (guint *hits)
{
  rasd_rule_hits = hits;
}

const char *
rasd_rule_name (RasdRule rule)
{
  g_return_val_if_fail (rule < RASD_N_RULES, NULL);
  return names[rule];
}

const char *
rasd_rule_description (RasdRule rule)
{
  g_return_val_if_fail (rule < RASD_N_RULES, NULL);
  return descriptions[rule];
}
