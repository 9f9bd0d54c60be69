// The built-in tools' short descriptions and guide words, written for Steady.
import type { Tool } from '../api';
import { has, t } from '../i18n/i18n.svelte';

const BLURBS: Record<string, string> = {
  breathing: 'A shape to breathe with, for 1, 3 or 5 minutes.',
  urgeSurfing: 'Ride the craving like a wave until it passes.',
  grounding: 'Come back to the room through your five senses.',
  halt: 'Hungry, angry, lonely, tired? One small step for each.',
  tapeForward: 'Think past the first minutes, to tonight and tomorrow.',
  delayDistract: 'Wait 15 minutes and keep your hands busy.',
  callSomeone: 'Reach a person who can talk right now.',
  myReasons: 'Remember why you started.',
  muscleRelaxation: 'Tense and let go, one part of the body at a time.',
};

/** A tool's name: the catalogue's for a built-in one, the user's own otherwise. */
export function toolName(tool: Pick<Tool, 'builtin' | 'name'>): string {
  return tool.builtin && has(`tools.names.${tool.builtin}`) ? t(`tools.names.${tool.builtin}`) : tool.name;
}

export function toolBlurb(tool: Tool): string {
  if (tool.builtin) return BLURBS[tool.builtin] ?? '';
  const parts = [`${tool.steps.length} ${tool.steps.length === 1 ? 'step' : 'steps'}`];
  if (tool.minutes) parts.push(`${tool.minutes} min`);
  return parts.join(' · ');
}

export const URGE_PROMPTS: readonly string[] = [
  'Sit comfortably. Let your breath go at its own pace.',
  'Notice where you feel the craving: your chest, your stomach, your mouth, your hands.',
  'Give it a size and a shape. You are watching it, not obeying it.',
  'A craving rises, peaks and falls, like a wave. You can stay on top of it.',
  'If it grows, breathe out slowly. Waves get big before they break.',
  'Notice any change, even a small one. It is already different from when you started.',
  'You are still here, and you have not acted on it. That is the skill.',
  'Keep breathing. Let the wave carry on past you.',
  'Notice how strong it is now compared with the start.',
  'Almost there. Let the last of it roll out.',
];

export const GROUNDING_STEPS: readonly { count: number; sense: string; prompt: string }[] = [
  { count: 5, sense: 'see', prompt: 'Look around. Name five things you can see, one at a time.' },
  { count: 4, sense: 'feel', prompt: 'Name four things you can feel: your feet on the floor, your clothes, the air.' },
  { count: 3, sense: 'hear', prompt: 'Listen. Name three things you can hear, near or far.' },
  { count: 2, sense: 'smell', prompt: 'Name two things you can smell, or two smells you like.' },
  { count: 1, sense: 'taste', prompt: 'Name one thing you can taste right now.' },
];

export const HALT_STEPS: readonly { id: string; question: string; step: string }[] = [
  { id: 'hungry', question: 'Hungry?', step: 'Eat something small now: a piece of fruit, toast, a glass of milk.' },
  { id: 'angry', question: 'Angry?', step: 'Step away for five minutes. Write down what made you angry, then breathe out slowly.' },
  { id: 'lonely', question: 'Lonely?', step: 'Send one message to someone you trust, even just "hi".' },
  { id: 'tired', question: 'Tired?', step: 'Lie down for twenty minutes, or plan an early night tonight.' },
];

export const TAPE_PROMPTS: readonly string[] = [
  'Picture the first minutes after using. What do you expect to feel?',
  'Now an hour later. Where are you, and who is around you?',
  'Tonight: how do you feel when you go to bed?',
  'Tomorrow morning: what do you wake up to? Who would you have to tell, or hide it from?',
  'Next week: what would this cost you, in money, trust, or plans?',
  'Now picture getting through this craving instead. How do you feel tomorrow?',
];

export const MUSCLE_STEPS: readonly string[] = [
  'Hands: make tight fists.',
  'Arms: bend your elbows and tense your upper arms.',
  'Shoulders: lift them up towards your ears.',
  'Face: scrunch your eyes and press your lips together.',
  'Stomach: pull it in tight.',
  'Legs: press your knees together and tense your thighs.',
  'Feet: curl your toes down.',
];
/** Seconds to tense, then to let go, for each part of the body. */
export const MUSCLE_TENSE_S = 5;
export const MUSCLE_RELAX_S = 15;
