/**
 * Synthetic residents of the demo city: random names, birth dates and sequence numbers under
 * division 370481, with valid GB 11643 check characters. Deterministic for a seed, so demo data
 * and tests are reproducible. Not real people: names and numbers are drawn independently.
 */
import { makeCitizenId } from '@gongshu/domain';

export interface SyntheticPerson {
  readonly name: string;
  readonly citizenId: string;
  readonly gender: 'male' | 'female';
  readonly birthDate: string;
  readonly phone: string;
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌志宏海波晓燕春梅立新振宇淑德学';

/** A small seeded PRNG (mulberry32): the same seed gives the same people. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePeople(count: number, seed = 370481): SyntheticPerson[] {
  const random = seededRandom(seed);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)] ?? '';
  const seen = new Set<string>();
  const people: SyntheticPerson[] = [];
  while (people.length < count) {
    const year = 1940 + Math.floor(random() * 66);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birthDate = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const sequence = Math.floor(random() * 1000);
    const citizenId = makeCitizenId('370481', birthDate, sequence);
    if (seen.has(citizenId)) continue;
    seen.add(citizenId);
    const given = random() < 0.5 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
    people.push({
      name: pick(SURNAMES) + given,
      citizenId,
      gender: sequence % 2 === 1 ? 'male' : 'female',
      birthDate: `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6)}`,
      phone: `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    });
  }
  return people;
}
