// The prevention plan and support contacts in the real webview, and where
// the rest of Steady reads them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, withApp as sharedWithApp } from './lib/webdriver.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

function withApp(dataDir, body) {
  return sharedWithApp(stack, dataDir, body, { ready: true });
}

async function plan(app) {
  return (await app.invoke('get_plan')).ok;
}

describe('the plan', () => {
  test('a plan is built section by section, survives a relaunch, and an if-then is edited', async () => {
    const dir = stack.dataDir('plan');
    await withApp(dir, async (app) => {
      const trig = (await app.invoke('create_trigger', { name: 'Payday', category: 'situations' })).ok;
      await app.click('[data-testid=tab-plan]');
      await app.screenshot('light-plan-empty');

      await app.click('[data-testid=add-reasons]');
      await app.click('[data-testid=plan-save]');
      assert.match(await app.text('[data-testid=plan-text-error]'), /Write something/);
      await app.type('[data-testid=plan-form-reasons] [data-testid=plan-text]', 'Being there for my kids');
      await app.click('[data-testid=plan-form-reasons] [data-testid=plan-save]');
      await app.waitUntil("return document.querySelector('[data-testid=plan-reasons]').textContent.includes('my kids')");

      await app.click('[data-testid=add-contact]');
      await app.type('[data-testid=contact-name]', 'Sam');
      await app.click('[data-testid=role-sponsor]');
      await app.type('[data-testid=contact-phone]', '55');
      await app.click('[data-testid=contact-save]');
      assert.match(await app.text('[data-testid=contact-phone-error]'), /3 to 20 digits/);
      assert.equal(await app.value('[data-testid=contact-name]'), 'Sam', 'what was typed stays');
      await app.type('[data-testid=contact-phone]', '5 0100');
      await app.click('[data-testid=contact-save]');
      await app.waitUntil("return document.querySelector('[data-testid=plan-contacts]').textContent.includes('555 0100')");

      await app.click('[data-testid=add-triggers]');
      await app.click(`[data-testid=plan-form-triggers] select option[value="${trig.id}"]`);
      await app.click('[data-testid=add-if-then]');
      await app.type('[data-testid=if-input]', 'I get paid');
      await app.type('[data-testid=then-input]', 'give my card to my sister');
      await app.click('[data-testid=plan-form-triggers] [data-testid=plan-save]');
      await app.waitUntil("return document.querySelector('[data-testid=plan-triggers]').textContent.includes('give my card')");
      await app.screenshot('light-plan-filled');
    });
    await withApp(dir, async (app) => {
      const p = await plan(app);
      const section = (id) => p.sections.find((s) => s.id === id).items;
      assert.deepEqual(section('reasons').map((i) => i.text), ['Being there for my kids']);
      assert.equal(p.contacts[0].name, 'Sam');
      assert.equal(p.contacts[0].phone, '555 0100');
      assert.equal(section('triggers')[0].text, 'Payday');
      assert.deepEqual(section('triggers')[0].ifThen, [{ if: 'I get paid', then: 'give my card to my sister' }]);

      await app.click('[data-testid=tab-plan]');
      await app.click('[data-testid=plan-triggers] [data-testid=plan-edit]');
      await app.typeOver('[data-testid=then-input]', 'pay the rent first');
      await app.click('[data-testid=plan-form-triggers] [data-testid=plan-save]');
      await app.waitUntil("return document.querySelector('[data-testid=plan-triggers]').textContent.includes('pay the rent first')");
      const after = await plan(app);
      assert.equal(after.sections.find((s) => s.id === 'triggers').items[0].ifThen[0].then, 'pay the rent first');
    });
  });

  test('contacts and the plan are used by Get help now, the tools and the craving loop', async () => {
    await withApp(stack.dataDir('used'), async (app) => {
      const trig = (await app.invoke('create_trigger', { name: 'Payday', category: null })).ok;
      await app.invoke('save_contact', { input: { name: 'Ana', role: 'counselor', phone: '555 0199', okToText: true, notes: null } });
      await app.invoke('save_plan_item', { input: { section: 'reasons', text: 'My health', kind: null, triggerId: null, toolId: null, detail: null, date: null, status: null, ifThen: [] } });
      await app.invoke('save_plan_item', { input: { section: 'reasons', text: 'My job', kind: null, triggerId: null, toolId: null, detail: null, date: null, status: null, ifThen: [] } });
      await app.invoke('save_plan_item', {
        input: { section: 'triggers', text: 'Payday', kind: 'trigger', triggerId: trig.id, toolId: null, detail: null, date: null, status: null, ifThen: [{ if: 'I get paid', then: 'go straight home' }] },
      });

      await app.click('[data-testid=help-button]');
      await app.waitFor('[data-testid=emergency-contacts]');
      assert.match(await app.text('[data-testid=emergency-contacts]'), /Ana/);
      // This machine has no phone app: the fallback shows the number large.
      await app.click('[data-testid=emergency-contacts] [data-testid=contact-call]');
      assert.match(await app.text('[data-testid=contact-fallback]'), /555 0199/);
      await app.click('[data-testid=back]');

      await app.click('[data-testid=tab-toolbox]');
      await app.click('[data-testid=start-myReasons]');
      await app.click('[data-testid=tool-begin]');
      assert.match(await app.text('[data-testid=my-reasons]'), /My health/);
      await app.click('[data-testid=reason-next]');
      assert.match(await app.text('[data-testid=my-reasons]'), /My job/);
      await app.click('[data-testid=tool-stop]');

      await app.click('[data-testid=tab-today]');
      await app.click('[data-testid=start-craving]');
      await app.click('[data-testid=intensity-6]');
      await app.click(`[data-testid=trigger-${trig.id}]`);
      await app.click('[data-testid=cause-next]');
      await app.waitFor('[data-testid=plan-steps]');
      assert.match(await app.text('[data-testid=plan-steps]'), /If I get paid, then I will go straight home/);
      await app.screenshot('light-craving-3-plan-steps');
    });
  });

  test('the plan in the dark theme', async () => {
    await withApp(stack.dataDir('plan-dark'), async (app) => {
      await app.invoke('update_settings', { patch: { theme: 'dark' } });
      await app.invoke('save_contact', { input: { name: 'Sam', role: 'sponsor', phone: '555 0100', okToText: true, notes: 'Any time before 11pm' } });
      await app.invoke('save_plan_item', { input: { section: 'goals', text: 'Get my license back', kind: null, triggerId: null, toolId: null, detail: null, date: '2027-06-01', status: null, ifThen: [] } });
      await app.execute('location.reload(); return true;');
      await app.waitReady();
      await app.click('[data-testid=tab-plan]');
      await app.waitFor('[data-testid=plan-contacts]');
      await app.screenshot('dark-plan');
    });
  });
});
