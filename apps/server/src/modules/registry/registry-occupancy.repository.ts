import { type RawBuilder, sql } from 'kysely';
import type { Q } from './registry.repository';

/**
 * `ageGroupOn` of registry.match.ts in SQL, for the same text on SQLite and PostgreSQL: the age
 * group on `day` (YYYY-MM-DD) of someone born on `birthDate` (YYYY, YYYY-MM or YYYY-MM-DD), a
 * partial date counting as its latest possible day. Someone is N or older on the day their
 * latest possible birth date plus N years is reached (29 February stays 29 February, reached on
 * 1 March of a common year, as ageGroupOn counts it). A test compares the two on both databases.
 */
export function ageGroupSql(birthDate: RawBuilder<string | null>, day: RawBuilder<string>) {
  const y = sql<number>`cast(substr(${birthDate}, 1, 4) as integer)`;
  const leap = sql`((${y} % 4 = 0 and ${y} % 100 <> 0) or ${y} % 400 = 0)`;
  const lastDay = sql<string>`case substr(${birthDate}, 6, 2)
    when '02' then case when ${leap} then '29' else '28' end
    when '04' then '30' when '06' then '30' when '09' then '30' when '11' then '30'
    else '31' end`;
  // The month and day of the latest possible birth date.
  const monthDay = sql<string>`case length(${birthDate})
    when 10 then substr(${birthDate}, 6, 5)
    when 7 then substr(${birthDate}, 6, 2) || '-' || ${lastDay}
    else '12-31' end`;
  // The year N years on, written with four digits as the dates are.
  const yearOn = (years: number) => {
    const v = sql`cast(${y} + ${sql.lit(years)} as text)`;
    return sql`substr('0000' || ${v}, length(${v}) + 1)`;
  };
  const reached = (years: number) => sql`${day} >= ${yearOn(years)} || '-' || ${monthDay}`;
  return sql<string>`case
    when ${birthDate} is null then 'unknown'
    when not (${reached(0)}) then 'unknown'
    when not (${reached(12)}) then '0-11'
    when not (${reached(18)}) then '12-17'
    when not (${reached(60)}) then '18-59'
    else '60+' end`;
}

/** For the test of the equivalence: the SQL age group of each (birth date, day). */
export async function ageGroupsInSql(db: Q, pairs: readonly { birthDate: string | null; day: string }[]) {
  const rows = await sql<{ i: number; age_group: string }>`
    with q(i, b, d) as (values ${sql.join(pairs.map((p, i) => sql`(${i}, ${p.birthDate}, ${p.day})`))})
    select i, ${ageGroupSql(sql`q.b`, sql`q.d`)} as age_group from q`.execute(db);
  const byIndex = new Map(rows.rows.map((r) => [Number(r.i), r.age_group]));
  return pairs.map((_, i) => byIndex.get(i));
}

export interface ResidentsDayRow {
  day: string;
  sex: string;
  nationality: string;
  age_group: string;
  n: number;
}

/**
 * The residents of a centre at the end of each day (a midnight census, UTC), by sex, nationality
 * and age group that day: computed in the database from the stays and their transfers. A stay is
 * in a centre from its admission there or its transfer in, until its next transfer or its
 * release; it counts on a day when it is there at the day's end.
 */
export async function residentsPerDay(
  db: Q,
  centreId: string,
  days: readonly string[],
  dayAfter: (day: string) => string,
): Promise<ResidentsDayRow[]> {
  if (days.length === 0) return [];
  const dayList = sql.join(days.map((d) => sql`(${d}, ${dayAfter(d)})`));
  const rows = await sql<ResidentsDayRow>`
    with days(day, next_day) as (values ${dayList}),
    st as (
      select s.id, s.person_id, s.admitted_centre_id, s.admitted_at, s.released_at
      from registry_stays s
      where s.admitted_centre_id = ${centreId}
         or s.id in (select t.stay_id from registry_transfers t where t.to_centre_id = ${centreId})
    ),
    moves as (
      select st.id as stay_id, st.admitted_centre_id as centre_id, st.admitted_at as at, '' as tid from st
      union all
      select t.stay_id, t.to_centre_id, t.at, t.id from registry_transfers t
      where t.stay_id in (select id from st)
    ),
    segs as (
      select m.stay_id, m.centre_id, m.at as start_at,
             lead(m.at) over (partition by m.stay_id order by m.at, m.tid) as next_at
      from moves m
    )
    select d.day as day, p.sex as sex, p.nationality as nationality,
           ${ageGroupSql(sql`p.birth_date`, sql`d.day`)} as age_group, count(*) as n
    from segs g
    join st on st.id = g.stay_id
    join registry_persons p on p.id = st.person_id
    join days d on g.start_at < d.next_day
      and coalesce(g.next_at, st.released_at, '9999') >= d.next_day
    where g.centre_id = ${centreId}
    group by 1, 2, 3, 4
    order by 1`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}
